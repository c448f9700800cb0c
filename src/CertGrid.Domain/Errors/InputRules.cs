using System.Buffers;
using System.Text.RegularExpressions;

namespace CertGrid.Domain.Errors;

/// <summary>
/// The checks every mutation applies to what callers send. Each failure names the field and says
/// what is acceptable, and throws before anything is written.
/// </summary>
public static partial class InputRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int NoteMaxLength = 8000;

    /// <summary>The control characters text may not hold (<see cref="char.IsControl(char)"/> but tab, line feed and carriage return), searched vectorised.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0x100).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).ToArray());

    public static string RequireText(string? value, string field, int maxLength = NameMaxLength, int minLength = 1)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length < minLength)
        {
            throw CertGridException.Invalid(field, minLength <= 1
                ? $"'{field}' is required."
                : $"'{field}' must be at least {minLength} characters.");
        }

        if (trimmed.Length > maxLength)
        {
            throw CertGridException.Invalid(field, $"'{field}' must be at most {maxLength} characters (it has {trimmed.Length}).");
        }

        if (trimmed.AsSpan().ContainsAny(ForbiddenControls))
        {
            throw CertGridException.Invalid(field, $"'{field}' contains control characters.");
        }

        if (HasLoneSurrogate(trimmed))
        {
            throw CertGridException.Invalid(field, $"'{field}' is not valid Unicode: it holds half of a surrogate pair.");
        }

        return trimmed;
    }

    /// <summary>Whether text holds half of a UTF-16 surrogate pair, which no UTF-8 document or storage can carry.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return false;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static string? OptionalText(string? value, string field, int maxLength = DescriptionMaxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : RequireText(value, field, maxLength);

    public static string RequireEmail(string? value, string field)
    {
        var email = RequireText(value, field, 254);
        if (!EmailPattern().IsMatch(email))
        {
            throw CertGridException.Invalid(field, $"'{field}' is not an email address.");
        }

        return email.ToLowerInvariant();
    }

    public static Uri? OptionalHttpsUrl(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw CertGridException.Invalid(field, $"'{field}' must be an absolute http(s) URL.");
        }

        return uri;
    }

    public static int RequireRange(int value, string field, int min, int max)
    {
        if (value < min || value > max)
        {
            throw CertGridException.Invalid(field, $"'{field}' must be between {min} and {max} (it is {value}).");
        }

        return value;
    }

    /// <summary>Refuses a list with fewer than <paramref name="min"/> or more than <paramref name="max"/> items, or with a null item.</summary>
    public static IReadOnlyList<T> RequireCount<T>(IReadOnlyList<T>? items, string field, int min, int max)
    {
        var count = items?.Count ?? 0;
        if (count < min || count > max)
        {
            throw CertGridException.Invalid(field, min == max
                ? $"'{field}' must have exactly {min} item(s) (it has {count})."
                : $"'{field}' must have between {min} and {max} items (it has {count}).");
        }

        for (var i = 0; i < count; i++)
        {
            if (items![i] is null)
            {
                throw CertGridException.Invalid($"{field}[{i}]", $"'{field}[{i}]' is null; leave it out of the list instead.");
            }
        }

        return items ?? [];
    }

    /// <summary>Refuses two items with the same key (for example names equal once trimmed and case is ignored), naming the item.</summary>
    public static void RequireUniqueBy<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, string field)
    {
        var seen = new HashSet<TKey>();
        foreach (var item in items)
        {
            if (!seen.Add(key(item)))
            {
                throw CertGridException.Invalid(field, $"'{field}' lists '{item}' more than once.");
            }
        }
    }

    public static void RequireUnique<T>(IEnumerable<T> items, string field)
    {
        var seen = new HashSet<T>();
        foreach (var item in items)
        {
            if (!seen.Add(item))
            {
                throw CertGridException.Invalid(field, $"'{field}' lists '{item}' more than once.");
            }
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
