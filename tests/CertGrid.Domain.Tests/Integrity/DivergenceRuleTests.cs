using CertGrid.Domain.Integrity;

namespace CertGrid.Domain.Tests.Integrity;

public class DivergenceRuleTests
{
    [Fact]
    public void Deviation_is_measured_against_the_rest_of_the_panel()
    {
        var deviations = DivergenceRule.Deviations("att_1", [("evl_a", 90, true), ("evl_b", 40, false), ("evl_c", 50, false)], decisionPassed: false);
        var a = deviations.Single(d => d.EvaluatorId == "evl_a").Deviation;
        Assert.Equal(45, a.Deviation);
        Assert.True(a.DisagreedWithDecision);
        Assert.False(deviations.Single(d => d.EvaluatorId == "evl_b").Deviation.DisagreedWithDecision);
        Assert.Empty(DivergenceRule.Deviations("att_2", [("evl_a", 90, true)], true));
    }

    [Fact]
    public void An_evaluator_is_flagged_only_with_enough_reviews_and_a_strong_divergence()
    {
        var settings = DivergenceSettings.Default;
        var harsh = Enumerable.Range(0, 5).Select(i => new ReviewDeviation($"att_{i}", -30, i % 2 == 0)).ToList();
        Assert.Null(DivergenceRule.Assess("evl_h", harsh.Take(4).ToList(), settings));
        var flag = DivergenceRule.Assess("evl_h", harsh, settings);
        Assert.NotNull(flag);
        Assert.Equal(30, flag.MeanAbsoluteDeviation);
        Assert.Equal(0.6, flag.DisagreementRate);
        Assert.Contains("harsher", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("disagreed with the panel's decision", flag.Reason, StringComparison.Ordinal);

        var calibrated = Enumerable.Range(0, 20).Select(i => new ReviewDeviation($"att_{i}", i % 2 == 0 ? 8 : -8, i % 10 == 0)).ToList();
        Assert.Null(DivergenceRule.Assess("evl_ok", calibrated, settings));
    }

    [Fact]
    public void Random_calibrated_evaluators_are_never_flagged_and_biased_ones_always_are()
    {
        var faker = new Faker { Random = new Randomizer(99) };
        for (var run = 0; run < 300; run++)
        {
            var reviews = faker.Random.Int(5, 50);
            var calibrated = Enumerable.Range(0, reviews).Select(i => new ReviewDeviation($"a{i}", faker.Random.Double(-15, 15), faker.Random.Bool(0.2f) && i % 3 == 0)).ToList();
            Assert.Null(DivergenceRule.Assess("evl", calibrated, DivergenceSettings.Default));
            var biased = Enumerable.Range(0, reviews).Select(i => new ReviewDeviation($"b{i}", faker.Random.Double(25, 60) * (faker.Random.Bool() ? 1 : -1), false)).ToList();
            Assert.NotNull(DivergenceRule.Assess("evl", biased, DivergenceSettings.Default));
        }
    }
}
