namespace CertGrid.Domain.Audit;

/// <summary>An event as it sits in the community's chain: numbered, hashed, and linked to the entry before.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string EventId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Actor,
    [property: Id(4)] string Action,
    [property: Id(5)] string Subject,
    [property: Id(6)] string Details,
    [property: Id(7)] string PayloadHash,
    [property: Id(8)] string PreviousHash,
    [property: Id(9)] string Hash);
