using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class EvaluatorSeverityTests
{
    [Fact]
    public void A_consistently_harsh_evaluator_is_called_harsh_and_a_noisy_fair_one_in_line()
    {
        var faker = new Faker { Random = new Randomizer(21) };
        var harsh = Enumerable.Range(0, 25).Select(_ => faker.Random.Double(-20, -4)).ToList();
        var fair = Enumerable.Range(0, 25).Select(_ => faker.Random.Double(-12, 12)).ToList();
        var lenient = Enumerable.Range(0, 25).Select(_ => faker.Random.Double(5, 15)).ToList();

        Assert.Equal(SeverityVerdict.Harsh, EvaluatorSeverity.Assess("evl_h", harsh, SeveritySettings.Default).Verdict);
        Assert.Equal(SeverityVerdict.InLine, EvaluatorSeverity.Assess("evl_f", fair, SeveritySettings.Default).Verdict);
        Assert.Equal(SeverityVerdict.Lenient, EvaluatorSeverity.Assess("evl_l", lenient, SeveritySettings.Default).Verdict);
        Assert.Equal(SeverityVerdict.TooFewReviews, EvaluatorSeverity.Assess("evl_n", harsh.Take(5).ToList(), SeveritySettings.Default).Verdict);
    }

    [Fact]
    public void A_small_but_consistent_gap_is_not_called_severity()
    {
        var tiny = Enumerable.Range(0, 50).Select(i => -2 + (i % 2 == 0 ? 0.5 : -0.5)).ToList();
        var estimate = EvaluatorSeverity.Assess("evl_t", tiny, SeveritySettings.Default);

        Assert.True(estimate.Interval!.Upper < 0);
        Assert.Equal(SeverityVerdict.InLine, estimate.Verdict);
    }

    [Fact]
    public void Severity_is_measured_against_the_rest_of_each_panel()
    {
        // evl_h scores 20 points below the other two on every attempt, whatever the learner's level.
        var attempts = Enumerable.Range(0, 12).Select(i => ($"att_{i}",
            (IReadOnlyList<(string, double, bool)>)[("evl_h", 40.0 + i, false), ("evl_a", 60.0 + i, true), ("evl_b", 60.0 + i, true)], true)).ToList();

        var estimates = EvaluatorSeverity.AssessAll(attempts, SeveritySettings.Default);

        var harsh = estimates.Single(e => e.EvaluatorId == "evl_h");
        Assert.Equal(-20, harsh.MeanDeviation, 9);
        Assert.Equal(SeverityVerdict.Harsh, harsh.Verdict);
        Assert.Equal(SeverityVerdict.Lenient, estimates.Single(e => e.EvaluatorId == "evl_a").Verdict);
    }
}
