using CertGrid.Domain.Audit;

namespace CertGrid.Domain.Events;

/// <summary>
/// An event as the feed, webhooks and live subscriptions carry it. Its id derives from the audit entry that raised it,
/// so the same decision stored again (a retried effect) is the same event and is recorded once.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.domain-event")]
public sealed record DomainEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] EventSubject Subject)
{
    public const string IdPrefix = "evt_";

    /// <summary>The event an audit entry raises, or null when its action is not one others follow.</summary>
    public static DomainEvent? Raised(AuditEvent audit, EventSubject subject) =>
        DomainEventTypes.ForAuditAction(audit.Action) is { } type ? new DomainEvent(IdPrefix + audit.EventId, type, audit.At, subject) : null;
}

/// <summary>An event at its place in the community's feed (1 is the first).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.feed-event")]
public sealed record FeedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DomainEvent Event)
{
    public string Cursor => FeedCursor.Of(Sequence);
}
