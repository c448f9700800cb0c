using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Grains.Privacy;

/// <summary>How an erasure names a learner's roster rows without carrying their email: its SHA-256, of the lower-case address, in hex.</summary>
public static class RosterRows
{
    public static string EmailDigest(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
