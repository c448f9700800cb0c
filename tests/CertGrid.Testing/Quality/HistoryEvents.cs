using CertGrid.Domain.Analytics;

namespace CertGrid.Testing.Quality;

/// <summary>A generated history as the domain events program analytics counts.</summary>
public static class HistoryEvents
{
    public const string CredentialId = "cdf_generated";

    /// <summary>Each attempt's submission (a day before its decision) and its decision, in the order they happened.</summary>
    public static IEnumerable<AnalyticsEvent> Of(AssessmentHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var organisations = history.Evaluators.ToDictionary(e => e.Id, e => e.Organisation);
        foreach (var attempt in history.Attempts)
        {
            var submitted = attempt.DecidedAt.AddDays(-1);
            yield return new AttemptSubmitted($"{attempt.Id}.submitted", submitted, CredentialId, 1);
            var reviews = attempt.Reviews.Select(r => new DecidedReview(r.EvaluatorId, organisations[r.EvaluatorId], r.Percent, r.Passed,
                r.Levels.Select((level, c) => new CriterionLevel($"c{c}", level, 3)).ToList())).ToList();
            var decided = Enumerable.Range(0, history.Plan.Criteria)
                .Select(c => new CriterionLevel($"c{c}", LowerMedian(attempt.Reviews.Select(r => r.Levels[c])), 3)).ToList();
            yield return new AttemptDecided($"{attempt.Id}.decided", attempt.DecidedAt, CredentialId, 1, attempt.Passed, attempt.Percent, submitted,
                attempt.Learner.Organisation, attempt.Learner.Language, attempt.Learner.Cohort, reviews, decided);
        }
    }

    private static int LowerMedian(IEnumerable<int> levels)
    {
        var sorted = levels.Order().ToList();
        return sorted[(sorted.Count - 1) / 2];
    }
}
