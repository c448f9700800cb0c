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
        if (!RecordExists || await files.ReadAllAsync(SourceBlob, LearnerRoster.MaxBytes) is not { } content)
        {
            return 0;
        }

        var plan = await LoadPlanAsync();
        bool Named(PlannedLearner learner) => Privacy.RosterRows.EmailDigest(learner.Row.Email) == emailSha256;
        var emails = plan.Learners.Where(Named).Select(l => l.Row.Email).Distinct().ToList();
        var lines = Encoding.UTF8.GetString(content).Split('\n');
        var kept = lines.Where(line => !emails.Any(email => line.Contains(email, StringComparison.OrdinalIgnoreCase))).ToList();
        if (kept.Count == lines.Length)
        {
            return 0;
        }

        // Rows already applied that go move the cursor back with them, so no later row is skipped.
        var erased = plan.Learners.Count(Named);
        var appliedErased = plan.Learners.Take((int)State.ProcessedRows).Count(Named);
        var contentType = LearnerRoster.FormatOf(State.FileName) == ImportFormat.JsonLines ? "application/jsonl; charset=utf-8" : ImportResultsFile.ContentType;
        await files.WriteAsync(SourceBlob, BinaryData.FromString(string.Join('\n', kept)), contentType);
        _plan = null;
        State.ProcessedRows -= appliedErased;
        State.TotalRows -= erased;
        if (State.HasResults)
        {
            var applied = State.Status is RosterImportStatus.Applying or RosterImportStatus.Completed ? State.ProcessedRows : 0;
            await files.WriteAsync(ResultsBlob, ImportResultsFile.Write((await LoadPlanAsync()).Results(applied)), ImportResultsFile.ContentType);
        }

        await SaveAsync(AuditEvent(Actors.System, "roster-import.rows-erased", Key.Id, new { rows = erased }));
        return erased;
    }
}
