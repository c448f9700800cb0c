using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// Plans a roster of evaluators: one whose email the pool has is left as they are; the others are registered under an id
/// derived from the import and their email, linked to the learner with the same email (so they never review themselves).
/// </summary>
public static class EvaluatorImportPlanner
{
    public static async Task<ImportPlan> PlanAsync(ImportPlanning planning)
    {
        var file = EvaluatorRoster.Parse(planning.Content, planning.Format);
        var pool = planning.Grains.GetGrain<IEvaluatorPoolGrain>(planning.Community);
        // A pool is small and bounded (it is one grain): its roster is in memory.
        var registered = (await pool.ListAsync()).GroupBy(e => e.Email, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var learners = await planning.Emails.FindAsync(planning.Community, file.Rows.Select(r => r.Email));
        return ImportPlan.Of(file, file.Rows.Select(r =>
        {
            var id = ImportedId.For(IdPrefixes.Evaluator, planning.ImportId, r.Email);
            var found = registered.GetValueOrDefault(r.Email);
            return new PlannedEvaluator(r, id, found == id ? null : found, learners.GetValueOrDefault(r.Email));
        }), []);
    }
}

/// <summary>An evaluator of the roster: registered in the pool under the import's id for them.</summary>
public sealed record PlannedEvaluator(EvaluatorImportRow Row, string NewEvaluatorId, string? ExistingEvaluatorId, string? LinkedLearnerId)
    : PlannedRow(Row.Line, Row.Email, NewEvaluatorId, ExistingEvaluatorId)
{
    public override string ExistingOutcome => "unchanged: already registered";

    public override string DoneOutcome => "registered";

    public override string PendingOutcome => "to register";

    public override async Task<bool> ApplyAsync(ImportApplication import)
    {
        var pool = import.Grains.GetGrain<IEvaluatorPoolGrain>(import.Community);
        var registration = new RegisterEvaluator(Row.Name, Row.Email, Row.Organisation, Row.Expertise, LinkedLearnerId, Row.MaxActiveAssignments, Row.Languages);
        try
        {
            try
            {
                await pool.RegisterAsync(NewEvaluatorId, registration, import.Actor);
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound && LinkedLearnerId is not null)
            {
                // The learner with this email was erased since the plan was made: nobody to link.
                await pool.RegisterAsync(NewEvaluatorId, registration with { LinkedLearnerId = null }, import.Actor);
            }

            return true;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Conflict)
        {
            // Registered by this import before a restart, or by hand with this email meanwhile.
            return (await pool.ListAsync()).Any(e => e.Id == NewEvaluatorId);
        }
    }
}
