namespace CertGrid.Grains.Credentials.Keys;

/// <summary>Where signing keys are kept (section <c>CredentialKeys</c>): Key Vault when a URI is given, Data Protection otherwise.</summary>
public sealed class CredentialKeyOptions
{
    public const string SectionName = "CredentialKeys";

    public Uri? KeyVaultUri { get; set; }

    public string? ManagedIdentityClientId { get; set; }
}
