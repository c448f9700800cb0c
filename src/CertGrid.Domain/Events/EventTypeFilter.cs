using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Events;

/// <summary>A list of event types a reader or subscriber names, checked against the types it may name.</summary>
public static class EventTypeFilter
{
    /// <summary>The most event types one filter or subscription names.</summary>
    public const int MaxTypes = 30;

    /// <summary>
    /// The types as given (null or empty: none named), checked: each one of <paramref name="known"/>, at most
    /// <see cref="MaxTypes"/>, none twice. VALIDATION_FAILED names the offending entry and lists the known types.
    /// </summary>
    public static IReadOnlySet<string>? Require(IReadOnlyList<string>? types, IReadOnlyList<string> known, string field)
    {
        if (types is null || types.Count == 0)
        {
            return null;
        }

        if (types.Count > MaxTypes)
        {
            throw CertGridException.Invalid(field, $"Name at most {MaxTypes} event types (there are {types.Count}).");
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Count; i++)
        {
            if (!known.Contains(types[i], StringComparer.Ordinal))
            {
                throw CertGridException.Invalid($"{field}[{i}]", $"'{Shorten(types[i])}' is not an event type; use one of: {string.Join(", ", known)}.");
            }

            if (!named.Add(types[i]))
            {
                throw CertGridException.Invalid($"{field}[{i}]", $"'{types[i]}' is named twice; name each event type once.");
            }
        }

        return named;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
