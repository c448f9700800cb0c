using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// A continuing-education category ("ethics", "technical", "evaluation"): compared case-insensitively, stored
/// lowercase, 2–40 letters, digits, spaces or hyphens.
/// </summary>
public static partial class CeCategory
{
    public static string Normalize(string? value, string field)
    {
        var candidate = string.Join(' ', (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return Pattern().IsMatch(candidate)
            ? candidate
            : throw CertGridException.Invalid(field, $"'{field}' must be 2 to 40 characters: letters, digits, spaces and hyphens, starting with a letter.");
    }

    [GeneratedRegex(@"^[a-z][a-z0-9 -]{1,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
