namespace CertGrid.Domain.Notices;

/// <summary>
/// A notice to a credential holder about their credential's lifespan. Its <see cref="Id"/> is derived from what
/// it announces (see <see cref="NoticeIds"/>), so producing it twice yields the same notice, and webhook receivers
/// use it as the idempotency key.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.notice")]
public sealed record Notice(
    [property: Id(0)] string Id,
    [property: Id(1)] NoticeKind Kind,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] string CredentialId,
    [property: Id(4)] string DefinitionId,
    [property: Id(5)] string AchievementName,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string Message,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] DateTimeOffset? RenewBy,
    [property: Id(10)] string? RenewedByCredentialId);
