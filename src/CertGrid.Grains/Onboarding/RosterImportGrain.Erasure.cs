using System.Text;
using CertGrid.Abstractions.Onboarding;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>A learner's erasure reaching the roster files that named them.</summary>
public sealed partial class RosterImportGrain
{
    public async Task<int> EraseRowsNamingAsync(string emailSha256)
    {
        if (!RecordExists || await files.ReadAllAsync(SourceBlob, ImportFileReader.MaxBytes) is not { } content)
        {
            return 0;
        }

        // A row names the learner by its subject (the email of a learner, evaluator, cohort member or holder row).
        var plan = await LoadPlanAsync();
        var named = plan.Rows.Select((row, index) => (row, index)).Where(r => Privacy.RosterRows.EmailDigest(r.row.Subject) == emailSha256).ToList();
        var emails = named.Select(r => r.row.Subject).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var lines = Encoding.UTF8.GetString(content).Split('\n');
        var kept = lines.Where(line => !emails.Any(email => line.Contains(email, StringComparison.OrdinalIgnoreCase))).ToList();
        if (named.Count == 0 || kept.Count == lines.Length)
        {
            return 0;
        }

        // Rows already applied that go move the cursor back with them, so no later row is skipped.
        var erased = named.Count;
        var appliedErased = named.Count(r => r.index < State.ProcessedRows);
        var contentType = ImportFileReader.FormatOf(State.FileName) == ImportFormat.JsonLines ? "application/jsonl; charset=utf-8" : ImportResultsFile.ContentType;
        await files.WriteAsync(SourceBlob, BinaryData.FromString(string.Join('\n', kept)), contentType);
        _plan = null;
        State.ProcessedRows -= appliedErased;
        State.TotalRows -= erased;
        if (State.UnchangedAtApply.Length > 0)
        {
            State.UnchangedAtApply = ImportPlan.WithoutRows(State.UnchangedAtApply, plan.Rows.Count, named.Select(r => r.index).ToHashSet());
        }

        if (State.HasResults)
        {
            var applying = State.Status is RosterImportStatus.Applying or RosterImportStatus.Completed;
            var results = (await LoadPlanAsync()).Results(applying ? State.ProcessedRows : 0, applying ? State.UnchangedAtApply : null);
            await files.WriteAsync(ResultsBlob, ImportResultsFile.Write(results), ImportResultsFile.ContentType);
        }

        await SaveAsync(AuditEvent(Actors.System, "roster-import.rows-erased", Key.Id, new { rows = erased }));
        return erased;
    }
}
