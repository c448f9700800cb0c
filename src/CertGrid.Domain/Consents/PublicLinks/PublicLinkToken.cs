using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Consents.PublicLinks;

/// <summary>
/// The secret in a public link's URL: 256 random bits, base64url (43 characters), so it cannot be guessed. CertGrid finds
/// the link by the token's SHA-256, so the link's record is addressed by what cannot be turned back into the URL.
/// </summary>
public static class PublicLinkToken
{
    public const int Length = 43;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether the text has a token's shape (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The lowercase hex SHA-256 of the token: the key of its link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
