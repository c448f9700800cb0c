using CertGrid.Domain.Credentials;

namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// A community's signing keys. Private keys live only here, encrypted at rest, and never leave: callers
/// hand over a payload and get a signature back. Key: the community id.
/// </summary>
public interface IIssuerGrain : IGrainWithStringKey
{
    /// <summary>Signs a JWT payload (JSON object) with the active key. Creates the first key (ES256) on first use.</summary>
    Task<SignedToken> SignJwtAsync(string payloadJson);

    /// <summary>Every key, active, rotated or compromised: rotated keys stay published so earlier credentials keep verifying.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync();

    /// <summary>Creates a new active key of the algorithm; the previous one signs nothing new but stays published.</summary>
    Task<PublicSigningKey> RotateAsync(SigningAlgorithm algorithm, string actor);

    /// <summary>
    /// Withdraws a key as compromised: it is no longer published, everything it signed fails verification and
    /// needs re-issue, and if it was the active key a new one takes over. Idempotent.
    /// </summary>
    Task<PublicSigningKey> RetireCompromisedAsync(string keyId, string reason, string actor);

    /// <summary>How the community's credentials are secured (VC-JWT unless an admin chose otherwise).</summary>
    [ReadOnly]
    Task<CredentialProofFormat> GetProofFormatAsync();

    /// <summary>Chooses how credentials issued from now on are secured; audited. Earlier credentials keep their form. Idempotent.</summary>
    Task<CredentialProofFormat> SetProofFormatAsync(CredentialProofFormat format, string actor);

    /// <summary>
    /// Adds an <c>eddsa-rdfc-2022</c> Data Integrity proof to a credential (JSON) whose issuer is the community's did:web,
    /// signed with the community's Ed25519 key (created on first use). Returns the secured credential as JSON.
    /// </summary>
    Task<string> SignDataIntegrityAsync(string unsecuredCredentialJson);

    /// <summary>The community's Ed25519 keys as Multikeys (published in its DID document).</summary>
    [ReadOnly]
    Task<IReadOnlyList<PublicMultikey>> GetMultikeysAsync();
}
