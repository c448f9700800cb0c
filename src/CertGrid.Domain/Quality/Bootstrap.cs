using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Percentile bootstrap confidence intervals (Efron &amp; Tibshirani, An Introduction to the Bootstrap, 1993, ch. 13):
/// resample the units with replacement, recompute the statistic, and take the middle share of the results. Units
/// (attempts), not single ratings, are resampled, so the ratings of one attempt stay together. A seed makes the
/// interval reproducible: the same data and seed always give the same interval.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 1000;

    /// <summary>
    /// The interval for <paramref name="statistic"/> over <paramref name="units"/>; null when fewer than two units or
    /// fewer than half the resamples give a value (too little data to say anything).
    /// </summary>
    public static ConfidenceInterval? PercentileInterval<T>(
        IReadOnlyList<T> units, Func<IReadOnlyList<T>, double?> statistic, int seed,
        int resamples = DefaultResamples, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(statistic);
        InputRules.RequireRange(resamples, "resamples", 10, 100_000);
        if (confidence is <= 0 or >= 1)
        {
            throw CertGridException.Invalid("confidence", "Confidence must lie strictly between 0 and 1, for example 0.95.");
        }

        if (units.Count < 2)
        {
            return null;
        }

        var random = new Random(seed);
        var sample = new T[units.Count];
        var estimates = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = units[random.Next(units.Count)];
            }

            if (statistic(sample) is { } value && double.IsFinite(value))
            {
                estimates.Add(value);
            }
        }

        if (estimates.Count < resamples / 2)
        {
            return null;
        }

        estimates.Sort();
        var tail = (1 - confidence) / 2;
        return new ConfidenceInterval(SampleQuantile.Of(estimates, tail), SampleQuantile.Of(estimates, 1 - tail), confidence, estimates.Count);
    }
}
