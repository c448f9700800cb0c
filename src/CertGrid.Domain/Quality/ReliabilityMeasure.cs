namespace CertGrid.Domain.Quality;

/// <summary>
/// The reliability of one set of ratings (a criterion, a credential, a period): Krippendorff's alpha with a
/// bootstrap interval, and exact and adjacent agreement.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.reliability-measure")]
public sealed record ReliabilityMeasure(
    [property: Id(0)] ReliabilityResult? Alpha,
    [property: Id(1)] ConfidenceInterval? Interval,
    [property: Id(2)] PairAgreement? Agreement)
{
    /// <summary>
    /// Krippendorff's threshold for drawing tentative conclusions; 0.8 is his threshold for relying on the data
    /// (Krippendorff, Content Analysis, 2004, §11.4.4).
    /// </summary>
    public const double TentativeAlpha = 0.667;

    public const double ReliableAlpha = 0.8;

    /// <summary>Measures <paramref name="units"/> at <paramref name="level"/>; the seed makes the interval reproducible.</summary>
    public static ReliabilityMeasure Of(IReadOnlyList<RatedUnit> units, MeasurementLevel level, int seed, int resamples = Bootstrap.DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Where(u => u.Ratings.Count >= 2).ToList();
        var alpha = KrippendorffAlpha.Compute(Values(pairable), level);
        var interval = alpha is null ? null
            : Bootstrap.PercentileInterval(pairable, sample => KrippendorffAlpha.Compute(Values(sample), level)?.Alpha, seed, resamples);
        return new ReliabilityMeasure(alpha, interval, PairAgreement.Measure(pairable.Select(u => (IReadOnlyList<int>)u.Ratings.Select(r => r.Level).ToList())));
    }

    private static IEnumerable<IReadOnlyList<double>> Values(IEnumerable<RatedUnit> units) =>
        units.Select(u => (IReadOnlyList<double>)u.Ratings.Select(r => (double)r.Level).ToList());
}
