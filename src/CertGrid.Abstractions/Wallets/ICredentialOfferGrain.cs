namespace CertGrid.Abstractions.Wallets;

/// <summary>
/// One OpenID4VCI credential offer of a learner's credential to their wallet (pre-authorized code flow): single-use,
/// short-lived, its secrets kept only as SHA-256 hashes. Key: <c>{community}/{offerId}</c> (wof_…); the
/// pre-authorized code and the access token are <c>{offerId}.{secret}</c>, so the token and credential endpoints of a
/// community reach only that community's offers.
/// </summary>
public interface ICredentialOfferGrain : IGrainWithStringKey
{
    /// <summary>
    /// Offers the learner's own credential (NOT_FOUND for another learner's, CONFLICT once revoked), with a numeric
    /// transaction code the wallet must send along when <paramref name="withTransactionCode"/>.
    /// </summary>
    Task<CreatedWalletOffer> CreateAsync(string learnerId, string credentialId, bool withTransactionCode);

    /// <summary>
    /// The same offer with a new code (and transaction code), the earlier one no longer working: what a retried request
    /// for the offer gets, since only the first answer carried the code. NOT_FOUND for another learner; CONFLICT once redeemed.
    /// </summary>
    Task<CreatedWalletOffer> RenewCodeAsync(string learnerId);

    /// <summary>The token request (grant <c>pre-authorized_code</c>): a one-time access token and a fresh <c>c_nonce</c>, or the OAuth error.</summary>
    Task<WalletTokenOutcome> RedeemAsync(string codeSecret, string? transactionCode);

    /// <summary>
    /// The credential request: checks the access token, the configuration and the wallet's key proof
    /// (<c>openid4vci-proof+jwt</c> with the current <c>c_nonce</c>), then returns the credential bound to the wallet's key.
    /// </summary>
    Task<WalletCredentialOutcome> IssueAsync(string accessTokenSecret, WalletCredentialRequest request);
}
