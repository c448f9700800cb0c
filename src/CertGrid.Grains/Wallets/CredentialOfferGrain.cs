using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Abstractions.Wallets;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Wallets;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using static CertGrid.Domain.Wallets.WalletIssuanceError;

namespace CertGrid.Grains.Wallets;

/// <summary>
/// One offer of a learner's credential to their wallet over OpenID4VCI (pre-authorized code flow). The code is
/// exchanged once for an access token, which buys the credential once, bound to the key the wallet proved it holds.
/// Every step is stored before it is answered, so a retried or concurrent request cannot use a code or token twice.
/// </summary>
public sealed class CredentialOfferGrain(
    [PersistentState("credentialOffer", StorageNames.GrainStore)] IPersistentState<CredentialOfferState> state,
    PublicRoutes routes)
    : DurableGrain<CredentialOfferState>(state), ICredentialOfferGrain
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    public const int MaxTransactionCodeAttempts = 5;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task<CreatedWalletOffer> CreateAsync(string learnerId, string credentialId, bool withTransactionCode)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Offer '{Key.Id}' was already made.");
        }

        var credential = await GrainFactory.Credential(Community, credentialId).FindAsync();
        if (credential is null || credential.LearnerId != learnerId)
        {
            throw CertGridException.NotFound("Credential", credentialId);
        }

        if (credential.Status == CredentialStatus.Revoked)
        {
            throw CertGridException.Conflict($"Credential '{credentialId}' is revoked and cannot be sent to a wallet.");
        }

        State.LearnerId = learnerId;
        State.CredentialId = credentialId;
        State.ConfigurationIds = [.. WalletCredentialConfigurations.Offered(credential.ProofFormat)];
        var (secret, transactionCode) = NewCode(withTransactionCode);
        return await SaveAnsweringAsync(new CreatedWalletOffer(Key.Id, $"{Key.Id}.{secret}", transactionCode, State.CodeExpiresAt, State.ConfigurationIds), AuditEvent(Actors.Learner(learnerId), "credential.offered-to-wallet", credentialId,
            new { offerId = Key.Id, configurations = State.ConfigurationIds, transactionCode = withTransactionCode, expiresAt = State.CodeExpiresAt }));
    }

    public async Task<CreatedWalletOffer> RenewCodeAsync(string learnerId)
    {
        if (!RecordExists || State.LearnerId != learnerId)
        {
            throw CertGridException.NotFound("Wallet offer", Key.Id);
        }

        if (State.RedeemedAt is not null)
        {
            throw CertGridException.Conflict($"Offer '{Key.Id}' was already taken up by a wallet; make a new offer.");
        }

        var (secret, transactionCode) = NewCode(State.TransactionCodeHash is not null);
        return await SaveAnsweringAsync(new CreatedWalletOffer(Key.Id, $"{Key.Id}.{secret}", transactionCode, State.CodeExpiresAt, State.ConfigurationIds), AuditEvent(Actors.Learner(learnerId), "credential.wallet-offer-renewed", State.CredentialId, new { offerId = Key.Id, expiresAt = State.CodeExpiresAt }));
    }

    public async Task<WalletTokenOutcome> RedeemAsync(string codeSecret, string? transactionCode)
    {
        if (!RecordExists || !Matches(codeSecret, State.CodeHash))
        {
            return TokenError(InvalidGrant, "The pre-authorized code is not valid.");
        }

        if (State.RedeemedAt is not null)
        {
            return TokenError(InvalidGrant, "The pre-authorized code was already used; ask the learner for a new offer.");
        }

        if (Now >= State.CodeExpiresAt || State.FailedTransactionCodes >= MaxTransactionCodeAttempts)
        {
            return TokenError(InvalidGrant, "The pre-authorized code has expired; ask the learner for a new offer.");
        }

        if (State.TransactionCodeHash is not null && (transactionCode is null || !Matches(transactionCode, State.TransactionCodeHash)))
        {
            State.FailedTransactionCodes++;
            await SaveAsync();
            return TokenError(InvalidGrant, transactionCode is null
                ? "This offer needs the transaction code (tx_code) the learner was shown."
                : "The transaction code (tx_code) does not match the one the learner was shown.");
        }

        var token = NewSecret();
        State.RedeemedAt = Now;
        State.AccessTokenHash = Hash(token);
        State.AccessTokenExpiresAt = Now + AccessTokenLifetime;
        var nonce = NewNonce();
        await SaveAsync(AuditEvent(Actors.System, "credential.wallet-token-issued", State.CredentialId, new { offerId = Key.Id }));
        return new WalletTokenOutcome($"{Key.Id}.{token}", (int)AccessTokenLifetime.TotalSeconds, nonce);
    }

    public async Task<WalletCredentialOutcome> IssueAsync(string accessTokenSecret, WalletCredentialRequest request)
    {
        if (TokenProblem(accessTokenSecret) is { } problem)
        {
            return new WalletCredentialOutcome(null, null, null, problem);
        }

        var configuration = request.ConfigurationId ?? WalletCredentialConfigurations.ConfigurationOf(request.Format);
        if (configuration is null)
        {
            return CredentialError(request.Format is null ? InvalidCredentialRequest : UnsupportedCredentialFormat, request.Format is null
                ? "The credential request names no credential_configuration_id."
                : $"The format '{request.Format}' is not offered; this issuer offers jwt_vc_json and ldp_vc.");
        }

        if (!State.ConfigurationIds.Contains(configuration))
        {
            return CredentialError(UnsupportedCredentialConfiguration,
                $"'{configuration}' is not offered for this credential; it is offered as {string.Join(" and ", State.ConfigurationIds)}.");
        }

        var proof = await WalletKeyProof.CheckAsync(request.ProofJwt, routes.CredentialIssuer(Community), Now);
        if (proof.Problem is not null)
        {
            return await RefusedWithFreshNonceAsync(InvalidProof, proof.Problem);
        }

        if (proof.Nonce is null || State.Nonce is null || proof.Nonce != State.Nonce || Now >= State.NonceExpiresAt)
        {
            return await RefusedWithFreshNonceAsync(InvalidNonce, "The proof's nonce is not the current c_nonce; sign a new proof with the c_nonce in this response.");
        }

        string credential;
        var format = WalletCredentialConfigurations.FormatOf(configuration)!;
        try
        {
            credential = await GrainFactory.Credential(Community, State.CredentialId).HolderBoundAsync(proof.HolderId!, format);
        }
        catch (CertGridException e) when (e.Code == ErrorCode.Conflict)
        {
            return CredentialError(CredentialRequestDenied, e.Message);
        }

        // The access token buys one credential: spent with the nonce, in the same write.
        State.AccessTokenHash = null;
        State.Nonce = null;
        State.HolderId = proof.HolderId;
        return await SaveAnsweringAsync(new WalletCredentialOutcome(credential, format, null), AuditEvent(Actors.System, "credential.sent-to-wallet", State.CredentialId, new { offerId = Key.Id, format, holder = proof.HolderId }));
    }

    private WalletIssuanceError? TokenProblem(string accessTokenSecret) =>
        !RecordExists || State.AccessTokenHash is null || !Matches(accessTokenSecret, State.AccessTokenHash)
            ? new(InvalidToken, "The access token is not valid or was already used.")
            : Now >= State.AccessTokenExpiresAt ? new(InvalidToken, "The access token has expired.") : null;

    private async Task<WalletCredentialOutcome> RefusedWithFreshNonceAsync(string code, string description)
    {
        var nonce = NewNonce();
        await SaveAsync();
        return new WalletCredentialOutcome(null, null, nonce, new(code, description));
    }

    /// <summary>A new code (and transaction code) for the offer; any earlier one stops working.</summary>
    private (string Secret, string? TransactionCode) NewCode(bool withTransactionCode)
    {
        var secret = NewSecret();
        var transactionCode = withTransactionCode ? RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6") : null;
        State.CodeHash = Hash(secret);
        State.TransactionCodeHash = transactionCode is null ? null : Hash(transactionCode);
        State.CodeExpiresAt = Now + CodeLifetime;
        State.FailedTransactionCodes = 0;
        return (secret, transactionCode);
    }

    private string NewNonce()
    {
        State.Nonce = NewSecret();
        State.NonceExpiresAt = Now + NonceLifetime;
        return State.Nonce;
    }

    private static WalletTokenOutcome TokenError(string code, string description) => new(null, 0, null, new(code, description));

    private static WalletCredentialOutcome CredentialError(string code, string description) => new(null, null, null, new(code, description));

    private static string NewSecret() => Base64UrlSecret(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlSecret(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
