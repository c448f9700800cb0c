using System.Globalization;

namespace CertGrid.Domain.Integrity;

/// <summary>
/// Flags evaluators whose decisions diverge strongly from their panels. For each decided attempt, every reviewer's
/// percentage is compared with the mean of the other reviewers (leave-one-out), and their pass/fail with the decision.
/// Over the evaluator's most recent reviews, a mean absolute gap at or above the setting, or disagreeing with the decision
/// at or above the rate, flags them — once they have enough reviews for it to mean something.
/// </summary>
public static class DivergenceRule
{
    /// <summary>How each reviewer of one decided attempt deviated from the rest of its panel (needs two or more reviews).</summary>
    public static IReadOnlyList<(string EvaluatorId, ReviewDeviation Deviation)> Deviations(
        string attemptId, IReadOnlyList<(string EvaluatorId, double Percent, bool Passed)> reviews, bool decisionPassed)
    {
        if (reviews.Count < 2)
        {
            return [];
        }

        var total = reviews.Sum(r => r.Percent);
        return reviews
            .Select(r => (r.EvaluatorId, new ReviewDeviation(attemptId, Math.Round(r.Percent - (total - r.Percent) / (reviews.Count - 1), 2), r.Passed != decisionPassed)))
            .ToList();
    }

    public static DivergenceFlag? Assess(string evaluatorId, IReadOnlyList<ReviewDeviation> recent, DivergenceSettings settings)
    {
        if (recent.Count < settings.MinReviews)
        {
            return null;
        }

        var meanAbsolute = Math.Round(recent.Average(d => Math.Abs(d.Deviation)), 2);
        var mean = Math.Round(recent.Average(d => d.Deviation), 2);
        var rate = Math.Round(recent.Count(d => d.DisagreedWithDecision) / (double)recent.Count, 2);
        var reasons = new List<string>();
        if (meanAbsolute >= settings.MeanAbsoluteDeviationPoints)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"their scores differ from the rest of their panels by {meanAbsolute:0.##} points on average ({(mean >= 0 ? "more generous" : "harsher")}, mean {mean:+0.##;-0.##} points)"));
        }

        if (rate >= settings.DisagreementRate)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"they disagreed with the panel's decision in {rate:P0} of their reviews"));
        }

        return reasons.Count == 0
            ? null
            : new DivergenceFlag(evaluatorId, recent.Count, meanAbsolute, mean, rate,
                string.Create(CultureInfo.InvariantCulture, $"Over their last {recent.Count} reviews, {string.Join(" and ", reasons)}."));
    }
}
