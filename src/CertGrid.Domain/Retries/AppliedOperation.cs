namespace CertGrid.Domain.Retries;

/// <summary>
/// A change a grain made for a request sent under an idempotency key (its operation id, see
/// <see cref="AppliedOperations"/>): remembered until the key's record expires, with the answer the grain gave once it
/// is kept (encrypted; null for a call that returns nothing). <see cref="AnswerKept"/> false means the change was
/// stored but its answer was not (the silo died in between, or the answer was too large to keep).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.applied-operation")]
public sealed record AppliedOperation(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset RememberUntil,
    [property: Id(2)] bool AnswerKept,
    [property: Id(3)] byte[]? Answer);
