using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Events;

/// <summary>
/// A position in a community's event feed: reading after it returns the events appended after that one. Clients treat it
/// as opaque; it is <c>evc1.</c> and the sequence number of the last event seen (<c>evc1.0</c>: before the first).
/// </summary>
public static class FeedCursor
{
    private const string Prefix = "evc1.";

    public static string Start { get; } = Of(0);

    public static string Of(long sequence) => Prefix + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>The sequence a cursor stands for (0 when there is none); VALIDATION_FAILED for anything this API did not return.</summary>
    public static long Parse(string? cursor, string field)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        if (cursor.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(cursor.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        throw CertGridException.Invalid(field, $"'{field}' is not an event feed cursor: pass the cursor an event or a page of the feed returned (evc1.…), or leave it out to start at the beginning.");
    }
}
