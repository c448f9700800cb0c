namespace CertGrid.Domain.Wallets;

/// <summary>
/// A refusal a wallet receives as a standard OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3.1) or OpenID4VCI 1.0 (§8.3.1.2)
/// error response: its <c>error</c> code and a sentence for a person.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.wallet-issuance-error")]
public sealed record WalletIssuanceError([property: Id(0)] string Code, [property: Id(1)] string Description)
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidGrant = "invalid_grant";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidToken = "invalid_token";
    public const string InvalidCredentialRequest = "invalid_credential_request";
    public const string UnsupportedCredentialConfiguration = "unsupported_credential_configuration";
    public const string UnsupportedCredentialFormat = "unsupported_credential_format";
    public const string InvalidProof = "invalid_proof";
    public const string InvalidNonce = "invalid_nonce";
    public const string CredentialRequestDenied = "credential_request_denied";

    /// <summary>The HTTP status the error is answered with: 401 for a bad access token, 400 otherwise.</summary>
    public int HttpStatus => Code == InvalidToken ? 401 : 400;
}
