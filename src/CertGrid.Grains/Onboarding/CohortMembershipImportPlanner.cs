using CertGrid.Abstractions.Cohorts;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Onboarding;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// Plans cohort memberships: every cohort must exist and every learner be enrolled (by email or id), else the row is an
/// error saying so; a learner already in the cohort is left as they are; the others are added.
/// </summary>
public static class CohortMembershipImportPlanner
{
    public static async Task<ImportPlan> PlanAsync(ImportPlanning planning)
    {
        var file = CohortMembershipRoster.Parse(planning.Content, planning.Format);
        var cohorts = new Dictionary<string, CohortInfo?>(StringComparer.Ordinal);
        foreach (var cohortId in file.Rows.Select(r => r.CohortId).Distinct(StringComparer.Ordinal))
        {
            cohorts[cohortId] = await FindCohortAsync(planning.Grains.Cohort(planning.Community, cohortId));
        }

        var byEmail = await planning.Emails.FindAsync(planning.Community, file.Rows.Where(r => r.LearnerEmail is not null).Select(r => r.LearnerEmail!));
        var byId = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var group in file.Rows.Where(r => r.LearnerId is not null).Select(r => r.LearnerId!).Distinct(StringComparer.Ordinal).Chunk(32))
        {
            var found = await Task.WhenAll(group.Select(id => planning.Grains.Learner(planning.Community, id).FindAsync()));
            foreach (var (id, learner) in group.Zip(found))
            {
                byId[id] = learner is not null;
            }
        }

        var errors = new List<ImportRowError>();
        var rows = file.Rows.Select(r =>
        {
            var learnerId = r.LearnerEmail is { } email ? byEmail.GetValueOrDefault(email) : byId[r.LearnerId!] ? r.LearnerId : null;
            if (cohorts[r.CohortId] is not { } cohort)
            {
                errors.Add(new ImportRowError(r.Line, "cohort", $"This community has no cohort {r.CohortId}.", CohortMembershipRoster.CohortAccepted));
                return null;
            }

            if (learnerId is null)
            {
                errors.Add(new ImportRowError(r.Line, "learner", $"No learner {r.Learner} is enrolled in this community.",
                    "an enrolled learner's email or id: import or enrol them first"));
                return null;
            }

            return new PlannedCohortMember(r, learnerId, cohort.MemberIds.Contains(learnerId) ? learnerId : null);
        }).ToList();
        return ImportPlan.Of(file, rows, errors);
    }

    private static async Task<CohortInfo?> FindCohortAsync(ICohortGrain cohort)
    {
        try
        {
            return await cohort.GetAsync();
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary>A learner to add to a cohort (adding is idempotent per learner).</summary>
public sealed record PlannedCohortMember(CohortMemberImportRow Row, string LearnerId, string? AlreadyMember)
    : PlannedRow(Row.Line, Row.Learner, LearnerId, AlreadyMember)
{
    public override string ExistingOutcome => $"unchanged: already in {Row.CohortId}";

    public override string DoneOutcome => $"added to {Row.CohortId}";

    public override string PendingOutcome => $"to add to {Row.CohortId}";

    public override async Task<bool> ApplyAsync(ImportApplication import)
    {
        await import.Grains.Cohort(import.Community, Row.CohortId).AddMembersAsync([LearnerId], import.Actor);
        return true;
    }
}
