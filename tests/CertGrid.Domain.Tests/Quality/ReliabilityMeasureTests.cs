using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class ReliabilityMeasureTests
{
    private static List<RatedUnit> Units(int seed, int spread)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        return Enumerable.Range(0, 60).Select(u =>
        {
            var truth = faker.Random.Int(1, 4);
            var raters = faker.PickRandom(new[] { "evl_a", "evl_b", "evl_c", "evl_d" }, faker.Random.Int(2, 3));
            return new RatedUnit($"att_{u}", raters.Select(r => new Rating(r, Math.Clamp(truth + faker.Random.Int(-spread, spread), 1, 4))).ToList());
        }).ToList();
    }

    [Fact]
    public void Consistent_raters_get_a_high_alpha_with_an_interval_around_it_and_careless_ones_a_low_one()
    {
        var consistent = ReliabilityMeasure.Of(Units(3, 0), MeasurementLevel.Ordinal, seed: 1, resamples: 200);
        var careless = ReliabilityMeasure.Of(Units(3, 2), MeasurementLevel.Ordinal, seed: 1, resamples: 200);

        Assert.Equal(1, consistent.Alpha!.Alpha, 9);
        Assert.Equal(1, consistent.Agreement!.Exact);
        Assert.True(careless.Alpha!.Alpha < ReliabilityMeasure.TentativeAlpha);
        Assert.InRange(careless.Alpha.Alpha, careless.Interval!.Lower, careless.Interval.Upper);
        Assert.True(careless.Agreement!.Adjacent > careless.Agreement.Exact);
    }

    [Fact]
    public void Rater_pairs_are_reported_only_with_enough_shared_units()
    {
        var units = Units(5, 1);
        var pairs = RaterPairAgreement.Measure(units, 1, 4);

        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.True(p.SharedUnits >= RaterPairAgreement.MinimumSharedUnits));
        Assert.All(pairs, p => Assert.True(string.CompareOrdinal(p.FirstRaterId, p.SecondRaterId) < 0));
        // Disagreements of one level count less under quadratic weights.
        Assert.All(pairs, p => Assert.True(p.QuadraticKappa > p.Kappa));
        Assert.Empty(RaterPairAgreement.Measure(units, 1, 4, minimumSharedUnits: 1000));
    }

    [Fact]
    public void Score_distribution_gives_quartiles_and_ten_point_bands()
    {
        var distribution = ScoreDistribution.Of([10, 20, 30, 40, 100]);

        Assert.NotNull(distribution);
        Assert.Equal(40, distribution.Mean);
        Assert.Equal(20, distribution.LowerQuartile);
        Assert.Equal(30, distribution.Median);
        Assert.Equal([0, 1, 1, 1, 1, 0, 0, 0, 0, 1], distribution.Bands);
        Assert.Null(ScoreDistribution.Of([]));
        Assert.Throws<CertGridException>(() => ScoreDistribution.Of([101]));
    }

    [Fact]
    public void A_breakdown_hides_the_scores_of_suppressed_groups()
    {
        var outcomes = Enumerable.Range(0, 30).Select(i => new AssessedOutcome("org_big", 60 + i, i % 3 != 0))
            .Concat(Enumerable.Range(0, 4).Select(i => new AssessedOutcome("org_small", 50 + i, true)))
            .Concat(Enumerable.Range(0, 20).Select(i => new AssessedOutcome("org_mid", 55 + i, i % 2 == 0)));

        var breakdown = FairnessBreakdown.Of("learnerOrganisation", outcomes);

        var small = breakdown.Groups.Single(g => g.Impact.Group == "org_small");
        Assert.True(small.Impact.Suppressed);
        Assert.Null(small.Scores);
        Assert.Equal(30, breakdown.Groups.Single(g => g.Impact.Group == "org_big").Scores!.Count);
    }
}
