using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Wallets;

/// <summary>An offer's progress. Secrets are kept only as SHA-256 hashes (hex).</summary>
[GenerateSerializer, Alias("certgrid.state.credential-offer")]
public sealed class CredentialOfferState : DurableState
{
    [Id(0)] public string LearnerId { get; set; } = string.Empty;
    [Id(1)] public string CredentialId { get; set; } = string.Empty;
    [Id(2)] public List<string> ConfigurationIds { get; set; } = [];
    [Id(3)] public string CodeHash { get; set; } = string.Empty;
    [Id(4)] public string? TransactionCodeHash { get; set; }
    [Id(5)] public DateTimeOffset CodeExpiresAt { get; set; }
    [Id(6)] public int FailedTransactionCodes { get; set; }

    /// <summary>When the code was exchanged for the access token (a second exchange is refused).</summary>
    [Id(7)] public DateTimeOffset? RedeemedAt { get; set; }
    [Id(8)] public string? AccessTokenHash { get; set; }
    [Id(9)] public DateTimeOffset AccessTokenExpiresAt { get; set; }
    [Id(10)] public string? Nonce { get; set; }
    [Id(11)] public DateTimeOffset NonceExpiresAt { get; set; }

    /// <summary>The wallet key (did:jwk) the credential was bound to, once issued.</summary>
    [Id(12)] public string? HolderId { get; set; }
}
