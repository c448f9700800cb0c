using System.Globalization;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// A credential's consensus rule over the reviews in. Without a tolerance it is the foundation rule
/// (<see cref="ReviewConsensus"/>). With a tolerance, reviews within it of each other agree and their mean
/// decides; a unanimous panel decides; a split beyond it asks for another evaluator or, per the policy (or once
/// the allowed additional evaluators are used), a consensus discussion the lead evaluator closes.
/// </summary>
public static class ConsensusRule
{
    public static ConsensusVerdict Decide(
        IReadOnlyList<ReviewScore> reviews, int requiredReviews, int passThresholdPercent, ConsensusPolicy policy, int additionalEvaluators)
    {
        if (reviews.Count < requiredReviews)
        {
            return ReviewConsensus.Decide(reviews, requiredReviews, passThresholdPercent);
        }

        var verdict = policy.TolerancePoints is { } tolerance
            ? WithTolerance(reviews, requiredReviews, passThresholdPercent, tolerance)
            : ReviewConsensus.Decide(reviews, requiredReviews, passThresholdPercent);
        if (verdict.Outcome != ConsensusOutcome.NeedsAnotherReviewer)
        {
            return verdict;
        }

        if (policy.OnDisagreement == DisagreementAction.Discussion)
        {
            return verdict with
            {
                Outcome = ConsensusOutcome.NeedsDiscussion,
                Reason = verdict.Reason.Replace("another independent evaluator is needed", "the lead evaluator leads a consensus discussion and records the decision", StringComparison.Ordinal),
            };
        }

        return additionalEvaluators < policy.MaxAdditionalEvaluators
            ? verdict
            : verdict with
            {
                Outcome = ConsensusOutcome.NeedsDiscussion,
                Reason = string.Create(CultureInfo.InvariantCulture,
                    $"The panel still disagrees after {additionalEvaluators} additional evaluator(s), the most this credential allows: the lead evaluator leads a consensus discussion and records the decision."),
            };
    }

    private static ConsensusVerdict WithTolerance(IReadOnlyList<ReviewScore> reviews, int requiredReviews, int threshold, int tolerance)
    {
        var mean = Math.Round(reviews.Average(r => r.Percent), 2);
        var spread = Math.Round(reviews.Max(r => r.Percent) - reviews.Min(r => r.Percent), 2);
        var text = (double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        if (spread <= tolerance)
        {
            var passed = mean >= threshold;
            return new ConsensusVerdict(passed ? ConsensusOutcome.Passed : ConsensusOutcome.Failed, mean, string.Create(CultureInfo.InvariantCulture,
                $"The {reviews.Count} scores lie within {text(spread)} points of each other (tolerance {tolerance}), so they agree: the mean {text(mean)}% {(passed ? "meets" : "is below")} the {threshold}% threshold."));
        }

        var passes = reviews.Count(r => r.Passed);
        var fails = reviews.Count - passes;
        if (fails == 0 || passes == 0)
        {
            return ReviewConsensus.Decide(reviews, requiredReviews, threshold);
        }

        if (reviews.Count > requiredReviews && passes != fails)
        {
            return ReviewConsensus.Decide(reviews, requiredReviews, threshold);
        }

        return new ConsensusVerdict(ConsensusOutcome.NeedsAnotherReviewer, mean, string.Create(CultureInfo.InvariantCulture,
            $"The panel disagrees ({passes} pass, {fails} fail) and its scores differ by {text(spread)} points, more than the tolerance of {tolerance}: another independent evaluator is needed."));
    }
}
