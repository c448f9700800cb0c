using System.Globalization;

namespace CertGrid.Domain.Languages;

/// <summary>Reads the languages a reader prefers from a <c>language</c> argument and an <c>Accept-Language</c> header.</summary>
public static class LanguagePreference
{
    private const int MaxTags = 10;

    /// <summary>
    /// The tags of an <c>Accept-Language</c> header ordered by quality (ties keep their order), without
    /// <c>q=0</c> entries and malformed parts. Never fails: a header is a hint, not input to validate.
    /// </summary>
    public static IReadOnlyList<string> ParseAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        var ranges = new List<(string Tag, double Quality, int Order)>();
        foreach (var (part, order) in header.Split(',').Take(MaxTags * 2).Select((p, i) => (p, i)))
        {
            var pieces = part.Split(';');
            var tag = pieces[0].Trim();
            if (tag != "*" && !LanguageTag.IsValid(tag))
            {
                continue;
            }

            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1).Select(p => p.Trim()))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                {
                    quality = 0;
                }
            }

            if (quality > 0)
            {
                ranges.Add((tag.ToLowerInvariant(), Math.Min(quality, 1), order));
            }
        }

        return ranges.OrderByDescending(r => r.Quality).ThenBy(r => r.Order).Select(r => r.Tag).Distinct().Take(MaxTags).ToList();
    }

    /// <summary>An explicit language (validated) first, then the header's languages.</summary>
    public static IReadOnlyList<string> Combine(string? explicitLanguage, IReadOnlyList<string> acceptLanguages, string field = "language") =>
        string.IsNullOrWhiteSpace(explicitLanguage)
            ? acceptLanguages
            : [LanguageTag.Require(explicitLanguage, field), .. acceptLanguages];
}
