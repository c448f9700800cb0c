using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Languages;

/// <summary>
/// Translations of one text into other languages than the community's default: language tag → text. The text in
/// the default language is the field itself (for example <c>Name</c>); its map (<c>NameTranslations</c>) adds the
/// others. A map is plain data, so it travels in grain messages and state as an <see cref="IReadOnlyDictionary{TKey,TValue}"/>.
/// </summary>
public static class LanguageMap
{
    public const int MaxLanguages = 30;

    /// <summary>Validates tags and texts; returns null for an empty map, so nothing empty is stored.</summary>
    public static IReadOnlyDictionary<string, string>? Validate(IReadOnlyDictionary<string, string>? map, string field, int maxLength = InputRules.DescriptionMaxLength)
    {
        if (map is null || map.Count == 0)
        {
            return null;
        }

        if (map.Count > MaxLanguages)
        {
            throw CertGridException.Invalid(field, $"'{field}' can hold at most {MaxLanguages} languages (it has {map.Count}).");
        }

        var validated = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in map)
        {
            var tag = LanguageTag.Require(language, $"{field}.language");
            if (!validated.TryAdd(tag, InputRules.RequireText(text, $"{field}[{tag}]", maxLength)))
            {
                throw CertGridException.Invalid(field, $"'{field}' gives language '{tag}' more than once.");
            }
        }

        return new Dictionary<string, string>(validated, StringComparer.Ordinal);
    }

    /// <summary>Two maps with the same languages and texts (null and empty are the same).</summary>
    public static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        var left = a ?? new Dictionary<string, string>();
        var right = b ?? new Dictionary<string, string>();
        return left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var text) && text == pair.Value);
    }

    /// <summary>The languages a map offers, in order.</summary>
    public static IEnumerable<string> Languages(IReadOnlyDictionary<string, string>? map) =>
        map?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
}
