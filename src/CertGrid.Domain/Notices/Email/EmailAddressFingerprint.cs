using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Notices.Email;

/// <summary>
/// Which address bounced, without keeping the address: SHA-256 of the trimmed, lower-cased address. A bounce stops
/// mail only while the learner's address has this fingerprint; a changed address gets mail again.
/// </summary>
public static class EmailAddressFingerprint
{
    public static string Of(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())));
}
