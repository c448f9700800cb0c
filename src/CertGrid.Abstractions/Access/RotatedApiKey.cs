using CertGrid.Domain.Access;

namespace CertGrid.Abstractions.Access;

/// <summary>What a rotated key hands to its replacement: everything but the secret, of which only the hash travels.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.rotated-api-key")]
public sealed record RotatedApiKey(
    [property: Id(0)] string RotatedFrom,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? SubjectId,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] string Label,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] string SecretHash,
    [property: Id(7)] string Actor);
