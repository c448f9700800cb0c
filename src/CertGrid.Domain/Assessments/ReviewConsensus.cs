using System.Globalization;

namespace CertGrid.Domain.Assessments;

/// <summary>
/// The foundation consensus rule. With the required number of reviews in: all pass (so the mean meets the
/// threshold) is a pass; all fail is a fail; a split asks for one more independent evaluator, whose review
/// settles it by majority (a tied panel asks for one more again). <c>requiredReviews</c> is the panel size the
/// credential asks for, not the grown panel.
/// </summary>
public static class ReviewConsensus
{
    public static ConsensusVerdict Decide(IReadOnlyList<ReviewScore> reviews, int requiredReviews, int passThresholdPercent)
    {
        if (reviews.Count < requiredReviews)
        {
            return new ConsensusVerdict(ConsensusOutcome.AwaitingReviews, Mean(reviews),
                $"{reviews.Count} of {requiredReviews} reviews received.");
        }

        var mean = Mean(reviews);
        var passes = reviews.Count(r => r.Passed);
        var fails = reviews.Count - passes;
        var meanText = mean.ToString("0.##", CultureInfo.InvariantCulture);

        if (fails == 0 && mean >= passThresholdPercent)
        {
            return new ConsensusVerdict(ConsensusOutcome.Passed, mean,
                $"All {reviews.Count} evaluators passed the evidence; mean score {meanText}% meets the {passThresholdPercent}% threshold.");
        }

        if (passes == 0)
        {
            return new ConsensusVerdict(ConsensusOutcome.Failed, mean,
                $"All {reviews.Count} evaluators scored below the {passThresholdPercent}% threshold (mean {meanText}%).");
        }

        if (passes == fails || reviews.Count == requiredReviews)
        {
            return new ConsensusVerdict(ConsensusOutcome.NeedsAnotherReviewer, mean,
                $"The panel disagrees ({passes} pass, {fails} fail): another independent evaluator is needed.");
        }

        return passes > fails
            ? new ConsensusVerdict(ConsensusOutcome.Passed, mean, $"The majority of the panel passed the evidence ({passes} pass, {fails} fail; mean {meanText}%).")
            : new ConsensusVerdict(ConsensusOutcome.Failed, mean, $"The majority of the panel failed the evidence ({passes} pass, {fails} fail; mean {meanText}%).");
    }

    private static double Mean(IReadOnlyList<ReviewScore> reviews) =>
        reviews.Count == 0 ? 0 : Math.Round(reviews.Average(r => r.Percent), 2);
}
