using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// A group's scores at a glance: how many, the mean, the quartiles and a histogram of ten-point bands
/// (0–9, 10–19, …, 90–100) for charts.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.score-distribution")]
public sealed record ScoreDistribution(
    [property: Id(0)] int Count,
    [property: Id(1)] double Mean,
    [property: Id(2)] double LowerQuartile,
    [property: Id(3)] double Median,
    [property: Id(4)] double UpperQuartile,
    [property: Id(5)] IReadOnlyList<int> Bands)
{
    public const int BandCount = 10;

    /// <summary>The distribution of percentages (0–100); null for no scores.</summary>
    public static ScoreDistribution? Of(IReadOnlyCollection<double> percentages)
    {
        ArgumentNullException.ThrowIfNull(percentages);
        if (percentages.Count == 0)
        {
            return null;
        }

        var sorted = percentages.Order().ToList();
        if (sorted[0] < 0 || sorted[^1] > 100 || sorted.Any(double.IsNaN))
        {
            throw CertGridException.Invalid("percentages", "Scores must be percentages between 0 and 100.");
        }

        var bands = new int[BandCount];
        foreach (var score in sorted)
        {
            bands[Math.Min(BandCount - 1, (int)(score / 10))]++;
        }

        return new ScoreDistribution(sorted.Count, sorted.Average(), SampleQuantile.Of(sorted, 0.25), SampleQuantile.Of(sorted, 0.5), SampleQuantile.Of(sorted, 0.75), bands);
    }
}
