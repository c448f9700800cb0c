using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

/// <summary>
/// Checked against Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", Departmental Papers (ASC)
/// 43, Annenberg School for Communication, University of Pennsylvania (https://repository.upenn.edu/asc_papers/43).
/// </summary>
public class KrippendorffAlphaTests
{
    // Section C, "Nominal data, any number of observers, missing data": 4 observers (rows) × 12 units (columns);
    // null = the observer did not rate the unit. Sections D, E and F reuse the same data as ordinal, interval and ratio.
    private static readonly IReadOnlyList<IReadOnlyList<double?>> FourObserversTwelveUnits =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 0.815)]
    [InlineData(MeasurementLevel.Interval, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 0.797)]
    public void Krippendorffs_four_observer_example_gives_his_alpha_for_each_metric(MeasurementLevel level, double published)
    {
        var result = KrippendorffAlpha.Compute(FourObserversTwelveUnits, level);

        Assert.NotNull(result);
        Assert.Equal(published, Math.Round(result.Alpha, 3));
        // Unit 12 has a single value and cannot be paired: 11 units, n = 40 pairable values (as in the paper).
        Assert.Equal(11, result.Units);
        Assert.Equal(40, result.PairableValues);
    }

    [Fact]
    public void Krippendorffs_binary_two_observer_example_gives_0_095()
    {
        // Section A, "Binary or dichotomous data, two observers, no missing data": alpha = 0.095.
        IReadOnlyList<IReadOnlyList<double?>> data =
        [
            [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
            [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        ];

        Assert.Equal(0.095, Math.Round(KrippendorffAlpha.Compute(data, MeasurementLevel.Nominal)!.Alpha, 3));
    }

    [Fact]
    public void Missing_ratings_change_nothing_but_the_pairs_they_would_have_formed()
    {
        var units = new List<IReadOnlyList<double>> { new double[] { 1, 1 }, new double[] { 2, 2, 2 }, new double[] { 3, 2 }, new double[] { 4 } };
        var withLoneValue = KrippendorffAlpha.Compute(units, MeasurementLevel.Ordinal)!;
        var withoutLoneValue = KrippendorffAlpha.Compute(units.Take(3), MeasurementLevel.Ordinal)!;

        Assert.Equal(withoutLoneValue.Alpha, withLoneValue.Alpha, 12);
        Assert.Equal(3, withLoneValue.Units);
    }

    [Fact]
    public void Perfect_agreement_is_one_and_raters_order_does_not_matter()
    {
        var faker = new Faker { Random = new Randomizer(18) };
        var units = Enumerable.Range(0, 30).Select(_ => faker.Random.Int(1, 4)).Select(level => (IReadOnlyList<double>)Enumerable.Repeat((double)level, faker.Random.Int(2, 4)).ToList()).ToList();
        Assert.Equal(1, KrippendorffAlpha.Compute(units, MeasurementLevel.Ordinal)!.Alpha, 12);

        var noisy = units.Select(u => (IReadOnlyList<double>)u.Select(v => Math.Clamp(v + faker.Random.Int(-1, 1), 1, 4)).ToList()).ToList();
        var shuffled = noisy.Select(u => (IReadOnlyList<double>)faker.Random.Shuffle(u).ToList()).Reverse().ToList();
        var alpha = KrippendorffAlpha.Compute(noisy, MeasurementLevel.Ordinal)!.Alpha;
        Assert.InRange(alpha, -1, 0.999);
        Assert.Equal(alpha, KrippendorffAlpha.Compute(shuffled, MeasurementLevel.Ordinal)!.Alpha, 12);
    }

    [Fact]
    public void Alpha_is_undefined_without_pairs_or_without_variation()
    {
        Assert.Null(KrippendorffAlpha.Compute([new double[] { 2 }, new double[] { 3 }], MeasurementLevel.Interval));
        Assert.Null(KrippendorffAlpha.Compute([new double[] { 2, 2 }, new double[] { 2, 2, 2 }], MeasurementLevel.Nominal));
        var error = Assert.Throws<CertGridException>(() => KrippendorffAlpha.Compute([new[] { 1, double.NaN }], MeasurementLevel.Interval));
        Assert.Equal(ErrorCode.ValidationFailed, error.Code);
    }
}
