using System.Text.Json;
using CertGrid.Domain.Errors;
using CsvHelper;

namespace CertGrid.Domain.Onboarding;

/// <summary>
/// Reads a roster of learners (columns <c>name</c>, <c>email</c>, optional <c>organisation</c>; header names in any case and
/// order) from CSV or JSON Lines, and checks every row with the same rules as enrolling one learner. Nothing is dropped
/// silently: every row is either a learner or an error saying what to change; an email that appears twice is an error
/// on its second line. Parsing is pure: the caller brings the bytes.
/// </summary>
public static class LearnerRoster
{
    public const int MaxRows = 200_000;
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Errors kept in full; beyond this only their count grows (the results file lists them all).</summary>
    public const int MaxErrorsKept = 10_000;

    private const string NameAccepted = "the learner's name: 1 to 200 characters";
    private const string EmailAccepted = "one email address, like ada@example.org";
    private const string OrganisationAccepted = "empty, or the organisation's name: up to 200 characters";

    public static ImportFormat FormatOf(string fileName) =>
        fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ImportFormat.JsonLines
            : ImportFormat.Csv;

    public static ParsedRoster Parse(byte[] content, ImportFormat format)
    {
        var roster = new RosterBuilder();
        if (format == ImportFormat.JsonLines)
        {
            ReadJsonLines(content, roster);
        }
        else
        {
            ReadCsv(content, roster);
        }

        return roster.Build();
    }

    private static void ReadCsv(byte[] content, RosterBuilder roster)
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
            var name = reader.TryGetFieldIndex("name", out var n) ? n : -1;
            var email = reader.TryGetFieldIndex("email", out var e) ? e : -1;
            var organisation = reader.TryGetFieldIndex("organisation", out var o) || reader.TryGetFieldIndex("organization", out o) ? o : -1;
            if (name < 0 || email < 0)
            {
                roster.Fail(new ImportRowError(1, name < 0 ? "name" : "email", $"The header row has no '{(name < 0 ? "name" : "email")}' column.",
                    "a first row naming the columns: name,email,organisation (organisation may be left out)"));
                return;
            }

            while (reader.Read())
            {
                if (roster.Full)
                {
                    roster.TooMany();
                    return;
                }

                roster.Add(reader.LineNumber, reader.GetString(name), reader.GetString(email), organisation < 0 ? null : reader.GetStringOrNull(organisation));
            }
        }
        catch (CsvFormatException ex)
        {
            roster.Fail(new ImportRowError(Math.Max(ex.LineNumber, 1), "(the whole row)", "The row's quoting is broken: a quote is never closed, or text follows a closing quote.",
                "fields with commas, quotes or line breaks enclosed in double quotes, a quote inside them doubled (\"\")"));
        }
    }

    private static void ReadJsonLines(byte[] content, RosterBuilder roster)
    {
        var line = 0L;
        using var lines = new StreamReader(new MemoryStream(content));
        while (lines.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (roster.Full)
            {
                roster.TooMany();
                return;
            }

            try
            {
                using var row = JsonDocument.Parse(text);
                if (row.RootElement.ValueKind != JsonValueKind.Object)
                {
                    roster.Error(new ImportRowError(line, "(the whole line)", "The line is not a JSON object.", "one object per line: {\"name\": \"…\", \"email\": \"…\", \"organisation\": \"…\"}"));
                    continue;
                }

                roster.Add(line, Text(row.RootElement, "name"), Text(row.RootElement, "email"), Text(row.RootElement, "organisation"));
            }
            catch (JsonException)
            {
                roster.Error(new ImportRowError(line, "(the whole line)", "The line is not valid JSON.", "one object per line: {\"name\": \"…\", \"email\": \"…\", \"organisation\": \"…\"}"));
            }
        }
    }

    private static string? Text(JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Collects checked rows and errors as the file is read.</summary>
    private sealed class RosterBuilder
    {
        private readonly List<LearnerImportRow> _rows = [];
        private readonly List<ImportRowError> _errors = [];
        private readonly Dictionary<string, long> _lineOfEmail = new(StringComparer.Ordinal);
        private long _errorCount;

        public bool Full => _rows.Count + _errorCount >= MaxRows;

        public void Add(long line, string? name, string? email, string? organisation)
        {
            var before = _errorCount;
            var checkedName = Check(() => InputRules.RequireText(name, "name", InputRules.NameMaxLength), line, "name", NameAccepted);
            var checkedEmail = Check(() => InputRules.RequireEmail(email, "email"), line, "email", EmailAccepted);
            var checkedOrganisation = Check(() => InputRules.OptionalText(organisation, "organisation", InputRules.NameMaxLength), line, "organisation", OrganisationAccepted);
            if (checkedEmail is not null && !_lineOfEmail.TryAdd(checkedEmail, line))
            {
                Error(new ImportRowError(line, "email", $"{checkedEmail} is already on line {_lineOfEmail[checkedEmail]} of this file.", "each learner once: remove or merge the repeated line"));
            }

            if (_errorCount == before)
            {
                _rows.Add(new LearnerImportRow(line, checkedName!, checkedEmail!, checkedOrganisation));
            }
        }

        public void Error(ImportRowError error)
        {
            _errorCount++;
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add(error);
            }
        }

        public void Fail(ImportRowError error) => Error(error);

        public void TooMany() =>
            Error(new ImportRowError(MaxRows + 1, "(the file)", $"The file has more than {MaxRows} rows.", $"at most {MaxRows} rows per file: split it into several imports"));

        public ParsedRoster Build() => new(_rows, _errors, _errorCount);

        private string? Check(Func<string?> rule, long line, string column, string accepted)
        {
            try
            {
                return rule();
            }
            catch (CertGridException ex)
            {
                Error(new ImportRowError(line, column, ex.Message, accepted));
                return null;
            }
        }
    }
}
