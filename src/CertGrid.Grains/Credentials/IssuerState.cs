using CertGrid.Domain.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials;

[GenerateSerializer, Alias("certgrid.state.issuer")]
public sealed class IssuerState : DurableState
{
    [Id(0)] public List<SigningKeyRecord> Keys { get; set; } = [];

    /// <summary>How credentials issued from now on are secured.</summary>
    [Id(1)] public CredentialProofFormat ProofFormat { get; set; }

    /// <summary>The Ed25519 keys that sign Data Integrity proofs; the last one signs.</summary>
    [Id(2)] public List<MultikeyRecord> Multikeys { get; set; } = [];
}

/// <summary>An Ed25519 key: its public Multikey in clear, its 32-byte seed only as a reference into the key vault.</summary>
[GenerateSerializer, Alias("certgrid.state.multikey")]
public sealed class MultikeyRecord
{
    [Id(0)] public string PublicKeyMultibase { get; set; } = string.Empty;
    [Id(1)] public string PrivateKeyReference { get; set; } = string.Empty;
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signing key: its public JWK in clear, its private key only as a reference into the key vault.</summary>
[GenerateSerializer, Alias("certgrid.state.signing-key")]
public sealed class SigningKeyRecord
{
    [Id(0)] public string KeyId { get; set; } = string.Empty;
    [Id(1)] public SigningAlgorithm Algorithm { get; set; }
    [Id(2)] public string PublicJwkJson { get; set; } = string.Empty;

    /// <summary>Where the private key is: Data Protection ciphertext (<c>dp:…</c>) or a Key Vault secret (<c>kv:…</c>).</summary>
    [Id(3)] public string PrivateKeyReference { get; set; } = string.Empty;
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public SigningKeyStatus Status { get; set; }
    [Id(6)] public DateTimeOffset? RetiredAt { get; set; }
    [Id(7)] public string? RetirementReason { get; set; }
}
