using CertGrid.Domain.Errors;
using System.Text.RegularExpressions;

namespace CertGrid.Domain.Languages;

/// <summary>
/// A language as content and requests name it: a BCP 47 tag such as <c>en</c>, <c>fr</c> or <c>pt-BR</c>,
/// kept in lower case so <c>pt-BR</c> and <c>pt-br</c> are the same language.
/// </summary>
public static partial class LanguageTag
{
    public const string DefaultLanguage = "en";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    public static string Require(string? value, string field)
    {
        var trimmed = value?.Trim();
        return IsValid(trimmed)
            ? trimmed!.ToLowerInvariant()
            : throw CertGridException.Invalid(field, $"'{field}' must be a language tag such as 'en', 'fr' or 'pt-BR'.");
    }

    /// <summary>The primary language of a tag: <c>fr</c> for <c>fr-ca</c>.</summary>
    public static string Primary(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
