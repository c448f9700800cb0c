namespace CertGrid.Domain.Onboarding;

/// <summary>One row of an import file as read: its line and the text of each known column (null when empty or absent).</summary>
public sealed class ImportFields(long line, IReadOnlyDictionary<string, string?> values)
{
    public long Line => line;

    public string? this[string column] => values.GetValueOrDefault(column) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A list column: items separated by '|' (or, in JSON Lines, an array of strings).</summary>
    public IReadOnlyList<string> List(string column) =>
        this[column] is { } text ? text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
