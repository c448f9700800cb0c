namespace CertGrid.Abstractions.Credentials;

/// <summary>A public signing key as published in the community's JWKS (<see cref="JwkJson"/> holds no private part).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.public-signing-key")]
public sealed record PublicSigningKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Algorithm,
    [property: Id(2)] string JwkJson,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] bool Active);

/// <summary>A compact JWS and the key that signed it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.signed-token")]
public sealed record SignedToken(
    [property: Id(0)] string Compact,
    [property: Id(1)] string KeyId);
