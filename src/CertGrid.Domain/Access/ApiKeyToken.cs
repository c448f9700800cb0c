using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Domain.Access;

/// <summary>
/// The text of an API key: <c>cgk.{community}.{keyId}.{secret}</c>, where the secret is 256 random bits in
/// base64url. The community and key id say where to look; only the SHA-256 of the secret is ever stored.
/// The platform operator key is <c>cgop.{secret}</c>.
/// </summary>
public readonly record struct ApiKeyToken(string Community, string KeyId, string Secret)
{
    public const string CommunityPrefix = "cgk";
    public const string OperatorPrefix = "cgop";
    private const int SecretBytes = 32;

    public static ApiKeyToken Create(string community, string keyId) => new(community, keyId, NewSecret());

    public static string NewOperatorKey() => $"{OperatorPrefix}.{NewSecret()}";

    public static bool IsOperatorKey(string token) => token.StartsWith(OperatorPrefix + ".", StringComparison.Ordinal);

    public static bool TryParse(string? token, out ApiKeyToken parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != CommunityPrefix || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        parsed = new ApiKeyToken(parts[1], parts[2], parts[3]);
        return true;
    }

    /// <summary>The hash stored in place of a secret: hex SHA-256.</summary>
    public static string HashSecret(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool SecretMatches(string secret, string storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(HashSecret(secret));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    public override string ToString() => $"{CommunityPrefix}.{Community}.{KeyId}.{Secret}";

    /// <summary>A fresh secret: 256 random bits in base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
}
