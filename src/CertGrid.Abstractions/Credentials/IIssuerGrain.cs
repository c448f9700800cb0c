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
}
