using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public class ReviewConsensusTests
{
    private const int Threshold = 70;

    private static ReviewScore Pass(double percent) => new(percent, true, new Dictionary<string, int>());

    private static ReviewScore Fail(double percent) => new(percent, false, new Dictionary<string, int>());

    [Fact]
    public void Decide_awaits_reviews_until_the_required_number_is_in()
    {
        var verdict = ReviewConsensus.Decide([Pass(90)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.AwaitingReviews, verdict.Outcome);
        Assert.Equal(90, verdict.MeanPercent);
        Assert.Equal("1 of 2 reviews received.", verdict.Reason);
    }

    [Fact]
    public void Decide_awaits_with_a_zero_mean_when_nothing_is_in()
    {
        var verdict = ReviewConsensus.Decide([], 3, Threshold);

        Assert.Equal(ConsensusOutcome.AwaitingReviews, verdict.Outcome);
        Assert.Equal(0, verdict.MeanPercent);
        Assert.Contains("0 of 3", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_awaits_even_when_the_reviews_in_already_disagree()
    {
        var verdict = ReviewConsensus.Decide([Pass(90), Fail(10)], 3, Threshold);

        Assert.Equal(ConsensusOutcome.AwaitingReviews, verdict.Outcome);
        Assert.Equal("2 of 3 reviews received.", verdict.Reason);
    }

    [Fact]
    public void Decide_passes_when_every_evaluator_passes()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Pass(90)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.Passed, verdict.Outcome);
        Assert.Equal(85, verdict.MeanPercent);
        Assert.Contains("All 2 evaluators passed", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("85%", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("70%", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_fails_when_every_evaluator_fails()
    {
        var verdict = ReviewConsensus.Decide([Fail(40), Fail(50)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.Failed, verdict.Outcome);
        Assert.Equal(45, verdict.MeanPercent);
        Assert.Contains("All 2 evaluators", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("below the 70% threshold", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("45%", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_asks_for_another_reviewer_when_the_required_panel_splits()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Fail(50)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.NeedsAnotherReviewer, verdict.Outcome);
        Assert.Equal(65, verdict.MeanPercent);
        Assert.Contains("1 pass, 1 fail", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_asks_for_another_reviewer_on_any_split_of_exactly_the_required_count()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Pass(85), Fail(50)], 3, Threshold);

        Assert.Equal(ConsensusOutcome.NeedsAnotherReviewer, verdict.Outcome);
        Assert.Contains("2 pass, 1 fail", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_passes_on_a_two_of_three_majority()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Fail(50), Pass(75)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.Passed, verdict.Outcome);
        Assert.Equal(68.33, verdict.MeanPercent);
        Assert.Contains("majority", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("2 pass, 1 fail", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("68.33%", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_fails_on_a_two_of_three_majority()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Fail(50), Fail(40)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.Failed, verdict.Outcome);
        Assert.Equal(56.67, verdict.MeanPercent);
        Assert.Contains("majority", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("1 pass, 2 fail", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_asks_for_yet_another_reviewer_when_an_extended_panel_ties()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Fail(50), Pass(75), Fail(60)], 2, Threshold);

        Assert.Equal(ConsensusOutcome.NeedsAnotherReviewer, verdict.Outcome);
        Assert.Contains("2 pass, 2 fail", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 80.0, 80.0, 81.0 }, 80.33)]
    [InlineData(new[] { 80.0, 81.0, 81.0 }, 80.67)]
    [InlineData(new[] { 70.0, 100.0, 100.0 }, 90.0)]
    public void Decide_rounds_the_mean_to_two_decimals(double[] percents, double mean)
    {
        var verdict = ReviewConsensus.Decide(percents.Select(Pass).ToList(), 2, Threshold);

        Assert.Equal(mean, verdict.MeanPercent);
    }

    [Fact]
    public void Decide_writes_the_mean_without_trailing_zeros()
    {
        var verdict = ReviewConsensus.Decide([Pass(80), Pass(80), Pass(81)], 3, Threshold);

        Assert.Contains("mean score 80.33%", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("mean score 90%", ReviewConsensus.Decide([Pass(90), Pass(90)], 2, Threshold).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_on_random_panels_keeps_its_promises()
    {
        var faker = new Faker { Random = new Randomizer(2024) };
        for (var run = 0; run < 1000; run++)
        {
            var threshold = faker.Random.Int(1, 100);
            var required = faker.Random.Int(1, 3);
            var reviews = Enumerable.Range(0, faker.Random.Int(0, 6))
                .Select(_ => Math.Round(faker.Random.Double(0, 100), 2))
                .Select(p => new ReviewScore(p, p >= threshold, new Dictionary<string, int>()))
                .ToList();

            var verdict = ReviewConsensus.Decide(reviews, required, threshold);

            var passes = reviews.Count(r => r.Passed);
            var fails = reviews.Count - passes;
            if (reviews.Count > 0)
            {
                Assert.InRange(verdict.MeanPercent, reviews.Min(r => r.Percent) - 0.005, reviews.Max(r => r.Percent) + 0.005);
            }

            if (reviews.Count < required)
            {
                Assert.Equal(ConsensusOutcome.AwaitingReviews, verdict.Outcome);
                continue;
            }

            Assert.NotEqual(ConsensusOutcome.AwaitingReviews, verdict.Outcome);
            if (verdict.Outcome == ConsensusOutcome.Passed)
            {
                Assert.True(passes > fails, $"passed with {passes} pass, {fails} fail");
            }

            if (verdict.Outcome == ConsensusOutcome.Failed)
            {
                Assert.True(fails > passes, $"failed with {passes} pass, {fails} fail");
            }

            if (passes > 0 && fails > 0)
            {
                Assert.Contains($"{passes} pass, {fails} fail", verdict.Reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"All {reviews.Count} evaluators", verdict.Reason, StringComparison.Ordinal);
            }
        }
    }
}
