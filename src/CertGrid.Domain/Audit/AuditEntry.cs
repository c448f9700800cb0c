namespace CertGrid.Domain.Audit;

/// <summary>
/// An event as it sits in the community's chain: numbered, hashed, and linked to the entry before. The entry's hash
/// covers a commitment to its details (<see cref="PayloadHash"/>), never the details themselves, so the details can be
/// erased (<see cref="PayloadErased"/>) and the chain still verifies. <see cref="PayloadSalt"/> is the random salt of the
/// commitment (null on entries written before salting, whose commitment is the plain SHA-256 of the details); it goes
/// with the details on erasure, so nobody can confirm a guess of what they said.
/// </summary>
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
    [property: Id(9)] string Hash,
    [property: Id(10)] string? PayloadSalt = null,
    [property: Id(11)] bool PayloadErased = false);
