namespace CertGrid.Domain.Languages;

/// <summary>
/// Which language a reader gets: the languages they asked for, best first (a <c>language</c> argument, then
/// <c>Accept-Language</c>), and the community's default language, which every text has. Each text is picked on
/// its own, so a partly translated framework shows its translated names and falls back for the rest.
/// </summary>
public sealed record LanguageChoice(IReadOnlyList<string> Preferred, string Default)
{
    public static LanguageChoice DefaultOnly(string defaultLanguage) => new([], defaultLanguage);

    /// <summary>
    /// The text in the first preferred language that has it: an exact tag first, then its primary language
    /// (<c>fr-ca</c> → <c>fr</c>). The default language, a wildcard, or no match at all give the text itself.
    /// </summary>
    public string Pick(string text, IReadOnlyDictionary<string, string>? translations)
    {
        foreach (var tag in Preferred)
        {
            if (tag == "*" || tag == Default)
            {
                return text;
            }

            if (translations is not null && translations.TryGetValue(tag, out var exact))
            {
                return exact;
            }

            var primary = LanguageTag.Primary(tag);
            if (primary == Default)
            {
                return text;
            }

            if (translations is not null && translations.TryGetValue(primary, out var general))
            {
                return general;
            }
        }

        return text;
    }

    /// <summary>Like <see cref="Pick(string, IReadOnlyDictionary{string, string}?)"/> for an optional text.</summary>
    public string? PickOptional(string? text, IReadOnlyDictionary<string, string>? translations) =>
        text is null ? null : Pick(text, translations);

    /// <summary>The language the reader is served in when every text has it: the first preferred language, or the default.</summary>
    public string Served(IEnumerable<string> available)
    {
        var offered = available.ToHashSet(StringComparer.Ordinal);
        foreach (var tag in Preferred)
        {
            if (tag == "*" || tag == Default || LanguageTag.Primary(tag) == Default)
            {
                return Default;
            }

            if (offered.Contains(tag))
            {
                return tag;
            }

            if (offered.Contains(LanguageTag.Primary(tag)))
            {
                return LanguageTag.Primary(tag);
            }
        }

        return Default;
    }
}
