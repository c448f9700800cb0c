using Microsoft.AspNetCore.DataProtection;

namespace CertGrid.Grains.Credentials.Keys;

/// <summary>
/// Private keys encrypted with ASP.NET Core Data Protection (key ring in blob storage, shared by every silo);
/// the ciphertext is the reference kept in grain state. Used locally and wherever no Key Vault is configured.
/// </summary>
public sealed class DataProtectionKeyVault(IDataProtectionProvider dataProtection) : ISigningKeyVault
{
    /// <summary>The Data Protection purpose of signing keys; changing it makes every stored key unreadable.</summary>
    public const string Purpose = "CertGrid.Credentials.SigningKeys.v1";

    private const string Prefix = "dp:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public Task<string> StoreAsync(string community, string keyId, byte[] pkcs8) =>
        Task.FromResult(Prefix + Convert.ToBase64String(_protector.CreateProtector(community, keyId).Protect(pkcs8)));

    public Task<byte[]> LoadAsync(string community, string keyId, string reference) =>
        Task.FromResult(_protector.CreateProtector(community, keyId).Unprotect(Convert.FromBase64String(reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : reference)));
}
