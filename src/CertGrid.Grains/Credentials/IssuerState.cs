using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials;

[GenerateSerializer, Alias("certgrid.state.issuer")]
public sealed class IssuerState : DurableState
{
    [Id(0)] public List<SigningKeyRecord> Keys { get; set; } = [];
}

/// <summary>A signing key: its public JWK in clear, its private key only as Data Protection ciphertext.</summary>
[GenerateSerializer, Alias("certgrid.state.signing-key")]
public sealed class SigningKeyRecord
{
    [Id(0)] public string KeyId { get; set; } = string.Empty;
    [Id(1)] public SigningAlgorithm Algorithm { get; set; }
    [Id(2)] public string PublicJwkJson { get; set; } = string.Empty;
    [Id(3)] public string ProtectedPrivateKey { get; set; } = string.Empty;
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public bool Active { get; set; }
}
