using CertGrid.Domain.Credentials;

namespace CertGrid.Abstractions.Credentials;

/// <summary>A signing key as the issuer publishes it (<see cref="JwkJson"/> holds no private part).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.public-signing-key")]
public sealed record PublicSigningKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Algorithm,
    [property: Id(2)] string JwkJson,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] SigningKeyStatus Status,
    [property: Id(5)] DateTimeOffset? RetiredAt = null,
    [property: Id(6)] string? RetirementReason = null)
{
    /// <summary>Whether verifiers should find it in the key set (active and rotated keys; never compromised ones).</summary>
    public bool Published => Status != SigningKeyStatus.Compromised;
}

/// <summary>A compact JWS and the key that signed it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.signed-token")]
public sealed record SignedToken(
    [property: Id(0)] string Compact,
    [property: Id(1)] string KeyId);

/// <summary>An Ed25519 key that signs Data Integrity proofs, as a Multikey (<c>z6Mk…</c>).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.public-multikey")]
public sealed record PublicMultikey(
    [property: Id(0)] string PublicKeyMultibase,
    [property: Id(1)] DateTimeOffset CreatedAt);
