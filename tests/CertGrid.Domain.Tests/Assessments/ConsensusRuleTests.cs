using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public class ConsensusRuleTests
{
    private const int Threshold = 60;

    private static ReviewScore Review(double percent) => new(percent, percent >= Threshold, new Dictionary<string, int>());

    private static ConsensusPolicy Tolerance(int? points, DisagreementAction action = DisagreementAction.AddEvaluator, int max = 2) => new(points, action, max);

    [Fact]
    public void Without_a_tolerance_the_foundation_rule_decides()
    {
        var split = ConsensusRule.Decide([Review(90), Review(40)], 2, Threshold, ConsensusPolicy.Default, 0);
        Assert.Equal(ConsensusOutcome.NeedsAnotherReviewer, split.Outcome);
        Assert.Equal(ReviewConsensus.Decide([Review(90), Review(40)], 2, Threshold), split);
    }

    [Fact]
    public void Scores_within_the_tolerance_agree_and_their_mean_decides_even_across_the_threshold()
    {
        var pass = ConsensusRule.Decide([Review(58), Review(66)], 2, Threshold, Tolerance(10), 0);
        Assert.Equal(ConsensusOutcome.Passed, pass.Outcome);
        Assert.Equal(62, pass.MeanPercent);
        Assert.Contains("within 8 points", pass.Reason, StringComparison.Ordinal);

        var fail = ConsensusRule.Decide([Review(55), Review(62)], 2, Threshold, Tolerance(10), 0);
        Assert.Equal(ConsensusOutcome.Failed, fail.Outcome);
        Assert.Contains("below the 60% threshold", fail.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_beyond_the_tolerance_asks_for_another_evaluator_then_a_discussion_once_the_limit_is_used()
    {
        Assert.Equal(ConsensusOutcome.NeedsAnotherReviewer, ConsensusRule.Decide([Review(90), Review(30)], 2, Threshold, Tolerance(10, max: 1), 0).Outcome);
        var exhausted = ConsensusRule.Decide([Review(90), Review(30), Review(30), Review(90)], 2, Threshold, Tolerance(10, max: 1), 1);
        Assert.Equal(ConsensusOutcome.NeedsDiscussion, exhausted.Outcome);
        Assert.Contains("lead evaluator", exhausted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discussion_policy_opens_the_discussion_at_the_first_disagreement()
    {
        var verdict = ConsensusRule.Decide([Review(95), Review(20)], 2, Threshold, Tolerance(15, DisagreementAction.Discussion), 0);
        Assert.Equal(ConsensusOutcome.NeedsDiscussion, verdict.Outcome);
        Assert.Contains("consensus discussion", verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(ConsensusOutcome.NeedsDiscussion,
            ConsensusRule.Decide([Review(95), Review(20)], 2, Threshold, ConsensusPolicy.Default with { OnDisagreement = DisagreementAction.Discussion }, 0).Outcome);
    }

    [Fact]
    public void A_unanimous_panel_decides_whatever_its_spread_and_an_added_evaluator_breaks_a_split_by_majority()
    {
        Assert.Equal(ConsensusOutcome.Passed, ConsensusRule.Decide([Review(61), Review(100)], 2, Threshold, Tolerance(5), 0).Outcome);
        Assert.Equal(ConsensusOutcome.Failed, ConsensusRule.Decide([Review(0), Review(59)], 2, Threshold, Tolerance(5), 0).Outcome);
        var majority = ConsensusRule.Decide([Review(90), Review(30), Review(80)], 2, Threshold, Tolerance(5), 1);
        Assert.Equal(ConsensusOutcome.Passed, majority.Outcome);
        Assert.Contains("majority", majority.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviews_still_missing_always_wait()
    {
        Assert.Equal(ConsensusOutcome.AwaitingReviews, ConsensusRule.Decide([Review(90)], 2, Threshold, Tolerance(0, DisagreementAction.Discussion), 0).Outcome);
    }

    [Fact]
    public void Random_panels_never_decide_against_a_unanimous_panel_and_agreeing_scores_decide_by_their_mean()
    {
        var faker = new Faker { Random = new Randomizer(404) };
        for (var run = 0; run < 2000; run++)
        {
            var required = faker.Random.Int(2, 4);
            var reviews = Enumerable.Range(0, faker.Random.Int(required, required + 3)).Select(_ => Review(faker.Random.Int(0, 100))).ToList();
            var policy = Tolerance(faker.Random.Bool() ? null : faker.Random.Int(0, 40), faker.PickRandom<DisagreementAction>(), faker.Random.Int(0, 3));
            var verdict = ConsensusRule.Decide(reviews, required, Threshold, policy, reviews.Count - required);

            if (reviews.All(r => r.Passed))
            {
                Assert.Equal(ConsensusOutcome.Passed, verdict.Outcome);
            }
            else if (reviews.All(r => !r.Passed))
            {
                Assert.Equal(ConsensusOutcome.Failed, verdict.Outcome);
            }
            else if (policy.TolerancePoints is { } t && reviews.Max(r => r.Percent) - reviews.Min(r => r.Percent) <= t)
            {
                Assert.Equal(reviews.Average(r => r.Percent) >= Threshold ? ConsensusOutcome.Passed : ConsensusOutcome.Failed, verdict.Outcome);
            }
            else if (verdict.Outcome == ConsensusOutcome.NeedsAnotherReviewer)
            {
                Assert.Equal(DisagreementAction.AddEvaluator, policy.OnDisagreement);
                Assert.True(reviews.Count - required < policy.MaxAdditionalEvaluators);
            }
        }
    }
}
