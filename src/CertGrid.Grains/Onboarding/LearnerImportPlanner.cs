using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>Plans a roster of learners: a learner whose email the community has is left as they are; the others are enrolled under an id derived from the import and their email.</summary>
public static class LearnerImportPlanner
{
    public static async Task<ImportPlan> PlanAsync(ImportPlanning planning)
    {
        var file = LearnerRoster.Parse(planning.Content, planning.Format);
        var holders = await planning.Emails.FindAsync(planning.Community, file.Rows.Select(r => r.Email));
        return ImportPlan.Of(file, file.Rows.Select(r =>
        {
            var id = ImportedId.For(IdPrefixes.Learner, planning.ImportId, r.Email);
            var found = holders.GetValueOrDefault(r.Email);
            // A learner this very import enrolled (before a restart) is still "new" for this import.
            return new PlannedLearner(r, id, found == id ? null : found);
        }), []);
    }
}

/// <summary>A learner of the roster: enrolled under the import's id for them.</summary>
public sealed record PlannedLearner(LearnerImportRow Row, string NewLearnerId, string? ExistingLearnerId)
    : PlannedRow(Row.Line, Row.Email, NewLearnerId, ExistingLearnerId)
{
    public override string ExistingOutcome => "unchanged: already enrolled";

    public override string DoneOutcome => "enrolled";

    public override string PendingOutcome => "to enrol";

    public override async Task<bool> ApplyAsync(ImportApplication import)
    {
        var learner = import.Grains.Learner(import.Community, NewLearnerId);
        try
        {
            await learner.EnrolAsync(new EnrolLearner(Row.Name, Row.Email, Row.Organisation), import.Actor);
            return true;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
        {
            // Enrolled by this import before a restart (the batch is being redone), or someone enrolled the email by hand meanwhile.
            return await learner.FindAsync() is not null;
        }
    }
}
