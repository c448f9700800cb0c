using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Access;

/// <summary>An API key as admins see it: never the secret, never its hash.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.api-key-info")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? SubjectId,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] string Label,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? RevokedAt);
