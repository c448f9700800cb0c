using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Calibration;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Evaluators;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// Builds the request that staffs a panel (an attempt's or an appeal's) under the credential's policy: the learner's
/// conflicts loaded fresh, evaluators excluded for this panel, the rubric's competencies as required expertise, and the
/// community's calibration policy with every evaluator's standing.
/// </summary>
public static class PanelRequests
{
    public static async Task<PanelRequest> BuildAsync(
        IGrainFactory grains, string community, string panelId, AssessedParty learner, string definitionId, Rubric rubric, AssessmentPolicy policy,
        IEnumerable<ExcludedEvaluator> excluded, int panelSize, bool allowPartial, DateTimeOffset now)
    {
        var exclusions = excluded.ToList();
        if (policy.ExcludePreviousFailReviewers)
        {
            exclusions.AddRange(await PreviousFailReviewersAsync(grains, community, learner.LearnerId, definitionId, panelId));
        }

        var conflicts = await ConflictContextLoader.LoadAsync(grains, community, learner.LearnerId, policy.ExcludeSameOrganisation, exclusions, now);
        var calibration = await grains.GetGrain<ICalibrationGrain>(community).GetSelectionAsync();
        var requirements = new PanelRequirements(Competencies(rubric), policy.Expertise, policy.RequiredLanguage, now, calibration.Policy);
        return new PanelRequest(panelId, learner, conflicts, requirements, panelSize, allowPartial, calibration.Policy.Required ? calibration.Standings : null);
    }

    /// <summary>
    /// The pool's members of a panel that the panel's grain does not hold yet: those just added, and any the pool
    /// assigned before a crash kept the grain from storing them (recovered on resume).
    /// </summary>
    public static List<EvaluatorAssignment> NewAssignments(PanelStaffing staffing, IEnumerable<PanelSeat> panel)
    {
        var known = panel.Select(s => s.EvaluatorId).ToHashSet();
        var unknown = staffing.Members.Where(m => !known.Contains(m)).ToList();
        return staffing.Added.Where(a => unknown.Contains(a.EvaluatorId))
            .Concat(unknown.Where(m => staffing.Added.All(a => a.EvaluatorId != m)).Select(m => new EvaluatorAssignment(m, "assigned earlier; recovered on resume")))
            .ToList();
    }

    public static IReadOnlyList<string> Competencies(Rubric rubric) =>
        rubric.Criteria.SelectMany(c => c.CompetencyCodes).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Evaluators who reviewed the same learner's failed attempts of the credential.</summary>
    private static async Task<IEnumerable<ExcludedEvaluator>> PreviousFailReviewersAsync(
        IGrainFactory grains, string community, string learnerId, string definitionId, string panelId)
    {
        var record = await grains.Learner(community, learnerId).GetRecordAsync();
        var failed = record.Attempts.Where(a => a.DefinitionId == definitionId && a.AttemptId != panelId && a.Passed == false).ToList();
        var views = await Task.WhenAll(failed.Select(a => grains.Attempt(community, a.AttemptId).GetAsync()));
        return views.SelectMany(v => v.Reviews.Select(r => new ExcludedEvaluator(r.EvaluatorId, $"reviewed the learner's failed attempt {v.Id}")))
            .DistinctBy(e => e.EvaluatorId);
    }
}
