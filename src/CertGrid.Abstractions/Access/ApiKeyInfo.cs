using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Access;

/// <summary>An API key as admins see it: never the secret, never its hash.</summary>
/// <param name="ExpiresAt">When the key stops working (null: it does not expire); a rotated key expires at the end of its grace period.</param>
/// <param name="LastUsedAt">When the key last authenticated a request, to within <c>ApiKeyLifetime.UseRecordingInterval</c>.</param>
/// <param name="RotatedTo">The key that replaced this one, when it was rotated.</param>
[GenerateSerializer, Immutable, Alias("certgrid.api-key-info")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? SubjectId,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] string Label,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] DateTimeOffset? ExpiresAt = null,
    [property: Id(8)] DateTimeOffset? LastUsedAt = null,
    [property: Id(9)] string? RotatedTo = null);
