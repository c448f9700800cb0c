using Azure.Security.KeyVault.Secrets;

namespace CertGrid.Grains.Credentials.Keys;

/// <summary>
/// Private keys as Azure Key Vault secrets, reached with the managed identity (<c>CredentialKeys:KeyVaultUri</c>).
/// The reference kept in grain state is the secret's name and version.
/// </summary>
public sealed class KeyVaultSigningKeyVault(SecretClient secrets) : ISigningKeyVault
{
    private const string Prefix = "kv:";

    public async Task<string> StoreAsync(string community, string keyId, byte[] pkcs8)
    {
        // Secret names allow letters, digits and hyphens.
        var name = $"certgrid-{community}-{new string(keyId.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray())}";
        var secret = new KeyVaultSecret(name, Convert.ToBase64String(pkcs8)) { Properties = { ContentType = "application/pkcs8;base64" } };
        var stored = await secrets.SetSecretAsync(secret);
        return $"{Prefix}{stored.Value.Name}/{stored.Value.Properties.Version}";
    }

    public async Task<byte[]> LoadAsync(string community, string keyId, string reference)
    {
        var parts = reference[Prefix.Length..].Split('/');
        var secret = await secrets.GetSecretAsync(parts[0], parts.ElementAtOrDefault(1));
        return Convert.FromBase64String(secret.Value.Value);
    }
}
