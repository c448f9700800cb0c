namespace CertGrid.Domain.Events;

/// <summary>
/// Which events a partner organisation sees of a community that granted it <c>credentials:read</c>: the events about a
/// credential its holder shares with that partner right now (a "shared with partner" consent that is not withdrawn).
/// Only credential events qualify (issued, revoked, suspended, reinstated, renewed, expired); enrolments, attempts,
/// reviews and appeals never reach a partner. The consent is read when the event is read, so a withdrawal stops the
/// credential's events (past and future) from reaching the partner from that moment.
/// </summary>
public static class PartnerEventRule
{
    /// <summary>The event types a partner may follow, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        DomainEventTypes.CredentialIssued, DomainEventTypes.CredentialRevoked, DomainEventTypes.CredentialSuspended,
        DomainEventTypes.CredentialReinstated, DomainEventTypes.CredentialRenewed, DomainEventTypes.CredentialExpired,
    ];

    /// <summary>A partner's filter of event types as given (null: every type it may follow); VALIDATION_FAILED names a type it may not follow.</summary>
    public static IReadOnlySet<string> RequireKnown(IReadOnlyList<string>? types, string field) =>
        EventTypeFilter.Require(types, Types, field) ?? new HashSet<string>(Types, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="partnerId"/> sees the event, given what its learner shares now
    /// (<see cref="ConsentShares"/> of the event's learner, or null when they share nothing).
    /// </summary>
    public static bool Admits(DomainEvent evt, string partnerId, ConsentShares? learnerShares) =>
        Types.Contains(evt.Type, StringComparer.Ordinal)
        && evt.Subject is { LearnerId: { } learnerId, CredentialId: { } credentialId }
        && learnerShares is { } shares && shares.LearnerId == learnerId
        && shares.Shares(credentialId, partnerId);
}
