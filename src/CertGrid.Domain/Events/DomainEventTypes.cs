namespace CertGrid.Domain.Events;

/// <summary>
/// The events partner and tenant systems can follow, and the audited decision each one is raised by: an event is an
/// audit entry of one of these actions, told with ids only (never names, emails, notes or justifications).
/// </summary>
public static class DomainEventTypes
{
    public const string AttemptSubmitted = "attempt.submitted";
    public const string AttemptDecided = "attempt.decided";
    public const string EvaluatorAssigned = "evaluator.assigned";
    public const string CredentialIssued = "credential.issued";
    public const string CredentialRevoked = "credential.revoked";
    public const string CredentialSuspended = "credential.suspended";
    public const string CredentialReinstated = "credential.reinstated";
    public const string CredentialRenewed = "credential.renewed";
    public const string CredentialExpired = "credential.expired";
    public const string AppealFiled = "appeal.filed";
    public const string AppealDecided = "appeal.decided";
    public const string LearnerEnrolled = "learner.enrolled";

    private static readonly Dictionary<string, string> ByAuditAction = new(StringComparer.Ordinal)
    {
        ["attempt.submitted"] = AttemptSubmitted,
        ["attempt.decided"] = AttemptDecided,
        ["attempt.assigned"] = EvaluatorAssigned,
        ["credential.issued"] = CredentialIssued,
        ["credential.revoked"] = CredentialRevoked,
        ["credential.suspended"] = CredentialSuspended,
        ["credential.unsuspended"] = CredentialReinstated,
        ["renewal.renewed"] = CredentialRenewed,
        ["renewal.expired"] = CredentialExpired,
        ["appeal.filed"] = AppealFiled,
        ["appeal.decided"] = AppealDecided,
        ["learner.enrolled"] = LearnerEnrolled,
    };

    /// <summary>Every event type, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByAuditAction.Values];

    /// <summary>The event type an audited action raises, or null when the action is not an event others follow.</summary>
    public static string? ForAuditAction(string action) => ByAuditAction.GetValueOrDefault(action);

    /// <summary>A filter of event types as given (null or empty: every type), checked by <see cref="EventTypeFilter.Require"/>.</summary>
    public static IReadOnlySet<string>? RequireKnown(IReadOnlyList<string>? types, string field) => EventTypeFilter.Require(types, All, field);
}
