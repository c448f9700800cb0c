using CsvHelper;

namespace CertGrid.Domain.Onboarding;

/// <summary>One line of an import's results file: what happened (or will happen) to a line of the uploaded file.</summary>
/// <param name="Subject">Who or what the line is about: the email of a learner, evaluator or holder, the learner of a cohort membership.</param>
/// <param name="Id">What the line created or left: the learner, evaluator or credential id.</param>
public sealed record ImportResultLine(long Line, string Subject, string Outcome, string? Id, ImportRowError? Error = null);

/// <summary>
/// The results file an admin downloads: CSV with one record per line of the uploaded file, in file order
/// (<c>line,subject,outcome,id,column,problem,accepted</c>). Fields a spreadsheet would run as a formula are escaped.
/// </summary>
public static class ImportResultsFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static BinaryData Write(IEnumerable<ImportResultLine> lines)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            writer.WriteHeader(["line", "subject", "outcome", "id", "column", "problem", "accepted"]);
            foreach (var line in lines.OrderBy(l => l.Line))
            {
                writer.WriteRecord([line.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Subject, line.Outcome, line.Id ?? string.Empty,
                    line.Error?.Column ?? string.Empty, line.Error?.Problem ?? string.Empty, line.Error?.Accepted ?? string.Empty]);
            }
        }

        return BinaryData.FromBytes(output.ToArray());
    }
}
