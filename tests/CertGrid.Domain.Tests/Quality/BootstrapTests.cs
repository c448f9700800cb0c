using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class BootstrapTests
{
    private static readonly Func<IReadOnlyList<double>, double?> Mean = sample => sample.Average();

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_a_different_one()
    {
        var faker = new Faker { Random = new Randomizer(7) };
        var data = Enumerable.Range(0, 60).Select(_ => faker.Random.Double(40, 90)).ToList();

        var first = Bootstrap.PercentileInterval(data, Mean, seed: 42);
        var again = Bootstrap.PercentileInterval(data, Mean, seed: 42);
        var other = Bootstrap.PercentileInterval(data, Mean, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(data.Average(), first!.Lower, first.Upper);
        Assert.Equal(Bootstrap.DefaultResamples, first.Resamples);
    }

    [Fact]
    public void The_95_percent_interval_of_a_mean_covers_the_true_mean_about_95_times_in_100()
    {
        var covered = 0;
        const int Trials = 200;
        for (var trial = 0; trial < Trials; trial++)
        {
            var faker = new Faker { Random = new Randomizer(1000 + trial) };
            var data = Enumerable.Range(0, 40).Select(_ => faker.Random.Double(0, 100)).ToList();
            var interval = Bootstrap.PercentileInterval(data, Mean, seed: trial, resamples: 400)!;
            covered += interval.Lower <= 50 && 50 <= interval.Upper ? 1 : 0;
        }

        // A percentile bootstrap of a mean of 40 uniform values covers a little under 95%; far from it means a bug.
        Assert.InRange(covered / (double)Trials, 0.88, 0.99);
    }

    [Fact]
    public void Too_little_data_gives_no_interval()
    {
        Assert.Null(Bootstrap.PercentileInterval([3.0], Mean, seed: 1));
        Assert.Null(Bootstrap.PercentileInterval([1.0, 2.0], _ => null, seed: 1));
        Assert.Equal(ErrorCode.ValidationFailed,
            Assert.Throws<CertGridException>(() => Bootstrap.PercentileInterval([1.0, 2.0], Mean, seed: 1, confidence: 1.5)).Code);
    }
}
