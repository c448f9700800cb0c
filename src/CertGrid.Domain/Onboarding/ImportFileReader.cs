using System.Text.Json;
using CsvHelper;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// Reads an import file, CSV (a header row naming the columns, in any case and order; comma, semicolon or tab separated)
/// or JSON Lines (one object per line), and hands every row to the kind's checks. Nothing is dropped silently: a row is
/// either kept or an error saying what to change. Reading is pure: the caller brings the bytes.
/// </summary>
public static class ImportFileReader
{
    public const int MaxRows = 200_000;
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Errors kept in full; beyond this only their count grows (the results file lists them all).</summary>
    public const int MaxErrorsKept = 10_000;

    public static ImportFormat FormatOf(string fileName) =>
        fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ImportFormat.JsonLines
            : ImportFormat.Csv;

    /// <param name="check">Checks one row: returns the row, or null after adding its errors.</param>
    public static ParsedImport<TRow> Read<TRow>(byte[] content, ImportFormat format, IReadOnlyList<ImportColumn> columns, Func<ImportFields, ImportErrors, TRow?> check)
        where TRow : class
    {
        var rows = new List<TRow>();
        var errors = new ImportErrors();
        bool Add(ImportFields fields)
        {
            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new ImportRowError(MaxRows + 1, "(the file)", $"The file has more than {MaxRows} rows.", $"at most {MaxRows} rows per file: split it into several imports"));
                return false;
            }

            if (check(fields, errors) is { } row)
            {
                rows.Add(row);
            }

            return true;
        }

        if (format == ImportFormat.JsonLines)
        {
            ReadJsonLines(content, columns, errors, Add);
        }
        else
        {
            ReadCsv(content, columns, errors, Add);
        }

        return new ParsedImport<TRow>(rows, errors.Kept, errors.Count);
    }

    private static void ReadCsv(byte[] content, IReadOnlyList<ImportColumn> columns, ImportErrors errors, Func<ImportFields, bool> add)
    {
        using var reader = CsvReader.Create(content, new CsvReaderOptions
        {
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,
        });
        try
        {
            reader.ReadHeader();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                if (column.Names.Select(n => reader.TryGetFieldIndex(n, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1) is var found and >= 0)
                {
                    index[column.Name] = found;
                }
                else if (column.Required)
                {
                    errors.Add(new ImportRowError(1, column.Name, $"The header row has no '{column.Name}' column.",
                        $"a first row naming the columns: {string.Join(",", columns.Select(c => c.Required ? c.Name : $"{c.Name} (optional)"))}"));
                }
            }

            if (errors.Count > 0)
            {
                return;
            }

            while (reader.Read())
            {
                var values = index.ToDictionary(c => c.Key, c => reader.GetStringOrNull(c.Value), StringComparer.Ordinal);
                if (!add(new ImportFields(reader.LineNumber, values)))
                {
                    return;
                }
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new ImportRowError(Math.Max(ex.LineNumber, 1), "(the whole row)", "The row's quoting is broken: a quote is never closed, or text follows a closing quote.",
                "fields with commas, quotes or line breaks enclosed in double quotes, a quote inside them doubled (\"\")"));
        }
    }

    private static void ReadJsonLines(byte[] content, IReadOnlyList<ImportColumn> columns, ImportErrors errors, Func<ImportFields, bool> add)
    {
        var shape = $"one object per line: {{{string.Join(", ", columns.Select(c => $"\"{c.Name}\": …"))}}}";
        var line = 0L;
        using var lines = new StreamReader(new MemoryStream(content));
        while (lines.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var row = JsonDocument.Parse(text);
                if (row.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ImportRowError(line, "(the whole line)", "The line is not a JSON object.", shape));
                    continue;
                }

                var values = columns.ToDictionary(c => c.Name, c => c.Names.Select(n => Text(row.RootElement, n)).FirstOrDefault(v => v is not null), StringComparer.Ordinal);
                if (!add(new ImportFields(line, values)))
                {
                    return;
                }
            }
            catch (JsonException)
            {
                errors.Add(new ImportRowError(line, "(the whole line)", "The line is not valid JSON.", shape));
            }
        }
    }

    /// <summary>A property as text: strings as they are, numbers and booleans as written, arrays of strings joined with '|'.</summary>
    private static string? Text(JsonElement row, string property)
    {
        if (!row.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Array => string.Join("|", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => null,
        };
    }
}
