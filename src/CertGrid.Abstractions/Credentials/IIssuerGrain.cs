namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// A community's issuer identity and signing keys. Private keys live only here, encrypted at rest, and never
/// leave: callers hand over a payload and get a signature back. Key: the community id.
/// </summary>
public interface IIssuerGrain : IGrainWithStringKey
{
    /// <summary>Signs a JWT payload (JSON object) with the active key. Creates the first key on first use.</summary>
    Task<SignedToken> SignJwtAsync(string payloadJson);

    /// <summary>Every published public key, active or not, so earlier credentials keep verifying.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PublicSigningKey>> GetPublicKeysAsync();
}
