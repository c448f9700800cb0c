using CertGrid.Domain.Wallets;

namespace CertGrid.Abstractions.Wallets;

/// <summary>A new offer: the pre-authorized code, the transaction code when one was asked for, and the configurations offered.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.created-wallet-offer")]
public sealed record CreatedWalletOffer(
    [property: Id(0)] string OfferId,
    [property: Id(1)] string PreAuthorizedCode,
    [property: Id(2)] string? TransactionCode,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] IReadOnlyList<string> ConfigurationIds);

/// <summary>The token endpoint's answer: an access token with its <c>c_nonce</c>, or an error.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.wallet-token-outcome")]
public sealed record WalletTokenOutcome(
    [property: Id(0)] string? AccessToken,
    [property: Id(1)] int ExpiresInSeconds,
    [property: Id(2)] string? Nonce,
    [property: Id(3)] WalletIssuanceError? Error = null);

/// <summary>What a wallet asks for: a configuration id (or, before OpenID4VCI 1.0, a format) and its key proof JWT.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.wallet-credential-request")]
public sealed record WalletCredentialRequest(
    [property: Id(0)] string? ConfigurationId,
    [property: Id(1)] string? Format,
    [property: Id(2)] string? ProofJwt);

/// <summary>
/// The credential endpoint's answer: the credential (a compact VC-JWT for <c>jwt_vc_json</c>, JSON-LD for <c>ldp_vc</c>) and
/// a fresh <c>c_nonce</c>, or an error (with a fresh <c>c_nonce</c> after a bad proof, so the wallet can try again).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.wallet-credential-outcome")]
public sealed record WalletCredentialOutcome(
    [property: Id(0)] string? Credential,
    [property: Id(1)] string? Format,
    [property: Id(2)] string? Nonce,
    [property: Id(3)] WalletIssuanceError? Error = null);
