namespace CertGrid.Domain.Quality;

/// <summary>The type-7 sample quantile (Hyndman &amp; Fan 1996; R's default): linear interpolation between order statistics.</summary>
public static class SampleQuantile
{
    /// <summary>The <paramref name="p"/> quantile (0..1) of values already sorted ascending.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
