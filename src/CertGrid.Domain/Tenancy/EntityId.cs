using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Tenancy;

/// <summary>
/// Ids of things inside a community: a short kind prefix and 20 random base-32 characters
/// (for example <c>lrn_4k2m9q...</c>). Unguessable, URL-safe, and never containing the key separator.
/// </summary>
public static partial class EntityId
{
    /// <summary>The 32 characters of the random part (5 bits each), so ids can also be packed into bytes.</summary>
    public const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    public const int RandomLength = 20;

    public static string New(string prefix)
    {
        Span<char> chars = stackalloc char[RandomLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{prefix}_{chars}";
    }

    public static bool IsValid(string? value, string prefix) =>
        value is not null && value.StartsWith(prefix + "_", StringComparison.Ordinal) && Pattern().IsMatch(value);

    /// <summary>Returns the id if it is well formed and of the expected kind; otherwise a VALIDATION_FAILED error.</summary>
    public static string Require(string? value, string prefix, string field)
    {
        var candidate = value?.Trim();
        if (!IsValid(candidate, prefix))
        {
            throw CertGridException.Invalid(field, $"'{field}' is not a valid id (expected '{prefix}_' followed by letters and digits).");
        }

        return candidate!;
    }

    [GeneratedRegex(@"^[a-z]{2,5}_[a-z0-9]{8,40}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
