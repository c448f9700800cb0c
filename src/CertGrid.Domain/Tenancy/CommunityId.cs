using System.Text.RegularExpressions;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Tenancy;

/// <summary>
/// The slug that names a community (tenant): 3–40 characters, lowercase letters, digits and hyphens,
/// starting with a letter. It is the first segment of every grain key, so it isolates everything.
/// </summary>
public static partial class CommunityId
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static string Require(string? value, string field = "communityId")
    {
        var candidate = value?.Trim().ToLowerInvariant();
        if (!IsValid(candidate))
        {
            throw CertGridException.Invalid(field,
                $"'{field}' must be 3 to 40 characters: lowercase letters, digits and hyphens, starting with a letter.");
        }

        return candidate!;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]{2,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
