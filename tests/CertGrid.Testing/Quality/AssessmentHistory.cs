using CertGrid.Domain.Quality;

namespace CertGrid.Testing.Quality;

/// <summary>A generated learner: where they come from and how able they are (their typical rubric level).</summary>
public sealed record HistoryLearner(string Id, string Organisation, string Language, string Cohort, double Ability);

/// <summary>A generated evaluator with the severity planted in them.</summary>
public sealed record HistoryEvaluator(string Id, string Organisation, double Severity);

/// <summary>One evaluator's review: a level per criterion, the percentage and whether it passes.</summary>
public sealed record HistoryReview(string EvaluatorId, IReadOnlyList<int> Levels, double Percent, bool Passed);

/// <summary>A decided attempt: its panel's reviews (a third when the first two split) and the decision.</summary>
public sealed record HistoryAttempt(string Id, HistoryLearner Learner, IReadOnlyList<HistoryReview> Reviews, bool Passed, DateTimeOffset DecidedAt)
{
    public double Percent => Reviews.Average(r => r.Percent);
}

/// <summary>A whole generated history, and the views the analyses take of it.</summary>
public sealed record AssessmentHistory(
    HistoryPlan Plan, IReadOnlyList<HistoryLearner> Learners, IReadOnlyList<HistoryEvaluator> Evaluators, IReadOnlyList<HistoryAttempt> Attempts)
{
    /// <summary>Each decided attempt as an outcome of the group <paramref name="groupOf"/> puts its learner in.</summary>
    public IReadOnlyList<AssessedOutcome> Outcomes(Func<HistoryLearner, string> groupOf) =>
        Attempts.Select(a => new AssessedOutcome(groupOf(a.Learner), a.Percent, a.Passed)).ToList();

    /// <summary>The levels the panels gave on one criterion, one unit per attempt.</summary>
    public IReadOnlyList<RatedUnit> CriterionUnits(int criterion) =>
        Attempts.Select(a => new RatedUnit(a.Id, a.Reviews.Select(r => new Rating(r.EvaluatorId, r.Levels[criterion])).ToList())).ToList();

    /// <summary>The attempts as the severity analysis reads them.</summary>
    public IReadOnlyList<(string AttemptId, IReadOnlyList<(string EvaluatorId, double Percent, bool Passed)> Reviews, bool Passed)> PanelReviews() =>
        Attempts.Select(a => (a.Id, (IReadOnlyList<(string, double, bool)>)a.Reviews.Select(r => (r.EvaluatorId, r.Percent, r.Passed)).ToList(), a.Passed)).ToList();
}
