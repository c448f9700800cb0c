using CertGrid.Domain.Analytics;
using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Programs;
using CertGrid.Grains.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// What an attempt's changes count in program analytics, built from its state at the moment of the change. Event ids
/// are derived from the attempt (and appeal or evaluator), so the same change always carries the same id.
/// </summary>
internal static class AttemptAnalytics
{
    public static Effect Submitted(ScopedKey key, AttemptState state) =>
        new CountInAnalytics(new AttemptSubmitted($"{key.Id}:submitted", state.SubmittedAt, state.DefinitionId, Math.Max(1, state.AttemptNumber)));

    public static Effect Decided(ScopedKey key, AttemptState state)
    {
        var passingPercent = state.Rubric.PassThresholdPercent;
        var reviews = state.Reviews.Select(r => new DecidedReview(r.EvaluatorId, null, r.Score.Percent, r.Score.Passed,
            Levels(state.Rubric, r.Scores.Select(s => (s.CriterionCode, s.Level)), passingPercent))).ToList();
        var decided = state.DecidedLevels ?? CriterionConsensus.Levels(state.Rubric, state.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList());
        var percent = DecidedPercent(state);
        return new CountDecisionInAnalytics(new AttemptDecided($"{key.Id}:decided", state.DecidedAt!.Value, state.DefinitionId,
            Math.Max(1, state.AttemptNumber), state.Status == AttemptStatus.Passed, percent, state.SubmittedAt, state.Learner?.Organisation,
            state.EffectivePolicy.RequiredLanguage, state.Cohort, reviews, Levels(state.Rubric, decided.Select(d => (d.CriterionCode, d.Level)), passingPercent)),
            string.IsNullOrEmpty(state.LearnerId) ? null : state.LearnerId);
    }

    /// <summary>What the learner's erasure takes back from the decision's fairness group; null when nothing was counted under an organisation.</summary>
    public static LearnerOrganisationErased? OrganisationErased(ScopedKey key, AttemptState state) =>
        state.DecidedAt is { } decidedAt && !string.IsNullOrEmpty(state.Learner?.Organisation)
            ? new LearnerOrganisationErased($"{key.Id}:organisation-erased", decidedAt, state.Learner.Organisation, DecidedPercent(state), state.Status == AttemptStatus.Passed)
            : null;

    private static double DecidedPercent(AttemptState state) =>
        state.Verdict?.MeanPercent ?? (state.Reviews.Count > 0 ? state.Reviews.Average(r => r.Score.Percent) : 0);

    public static Effect Overdue(ScopedKey key, string evaluatorId, DateTimeOffset at) =>
        new CountInAnalytics(new ReviewOverdue($"{key.Id}:overdue:{evaluatorId}", at, evaluatorId));

    public static Effect AppealFiled(string appealId, DateTimeOffset at) =>
        new CountInAnalytics(new AppealRecorded($"{appealId}:filed", at, Decided: false, Overturned: false));

    public static Effect AppealDecided(string appealId, bool overturned, DateTimeOffset at) =>
        new CountInAnalytics(new AppealRecorded($"{appealId}:decided", at, Decided: true, Overturned: overturned));

    /// <summary>
    /// Levels as ranks on each criterion's scale (1 = fewest points), with the passing rank: the lowest level worth at
    /// least the rubric's pass threshold of the criterion's points.
    /// </summary>
    private static List<CriterionLevel> Levels(Rubric rubric, IEnumerable<(string Criterion, string Level)> picked, int passingPercent)
    {
        var levels = new List<CriterionLevel>();
        foreach (var (code, name) in picked)
        {
            var criterion = rubric.Criteria.FirstOrDefault(c => c.Code == code);
            if (criterion is null)
            {
                continue;
            }

            var scale = criterion.Levels.OrderBy(l => l.Points).ToList();
            var rank = scale.FindIndex(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) + 1;
            var passing = scale.FindIndex(l => l.Points * 100 >= passingPercent * criterion.MaxPoints) + 1;
            if (rank > 0)
            {
                levels.Add(new CriterionLevel(code, rank, passing > 0 ? passing : scale.Count));
            }
        }

        return levels;
    }
}
