namespace CertGrid.Grains.Credentials.Keys;

/// <summary>
/// Where private signing keys are kept at rest. The issuer grain stores only the reference this returns, and
/// the PKCS#8 bytes exist decrypted only in the issuer's memory. Never logged, never returned by any API.
/// </summary>
public interface ISigningKeyVault
{
    /// <summary>Stores a private key and returns the reference to keep in grain state.</summary>
    Task<string> StoreAsync(string community, string keyId, byte[] pkcs8);

    /// <summary>Loads a private key by the reference <see cref="StoreAsync"/> returned.</summary>
    Task<byte[]> LoadAsync(string community, string keyId, string reference);
}
