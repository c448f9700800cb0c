using System.Globalization;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// The ratings of one criterion kept as patterns: each double-reviewed attempt adds one to the count of its sorted
/// levels ("2,3" or "2,3,3"). Krippendorff's alpha depends only on these counts, and a rubric with a few levels and
/// panels of two or three has only a few dozen patterns, so the state is bounded whatever the number of attempts.
/// </summary>
[GenerateSerializer, Alias("certgrid.pattern-tally")]
public sealed class PatternTally
{
    [Id(0)] public Dictionary<string, int> Patterns { get; set; } = new(StringComparer.Ordinal);

    public void Add(IEnumerable<int> levels)
    {
        var key = string.Join(',', levels.Order());
        Patterns[key] = Patterns.GetValueOrDefault(key) + 1;
    }

    public void AddFrom(PatternTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (pattern, count) in other.Patterns)
        {
            Patterns[pattern] = Patterns.GetValueOrDefault(pattern) + count;
        }
    }

    /// <summary>Ordinal alpha with a percentile bootstrap interval over attempts (resampling the pattern counts).</summary>
    public ReliabilityMeasure Measure(int seed, int resamples = 200)
    {
        var patterns = Patterns.Where(p => p.Key.Contains(',', StringComparison.Ordinal))
            .Select(p => (Values: (IReadOnlyList<double>)p.Key.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList(), Count: p.Value))
            .ToList();
        var alpha = KrippendorffAlpha.Compute(patterns.Select(p => (p.Values, (double)p.Count)), MeasurementLevel.Ordinal);
        var agreement = Agreement(patterns);
        if (alpha is null)
        {
            return new ReliabilityMeasure(null, null, agreement);
        }

        var units = patterns.SelectMany((p, i) => Enumerable.Repeat(i, p.Count)).ToList();
        var interval = Bootstrap.PercentileInterval(units, sample =>
        {
            var counts = new double[patterns.Count];
            foreach (var index in sample)
            {
                counts[index]++;
            }

            return KrippendorffAlpha.Compute(patterns.Select((p, i) => (p.Values, counts[i])), MeasurementLevel.Ordinal)?.Alpha;
        }, seed, resamples);
        return new ReliabilityMeasure(alpha, interval, agreement);
    }

    private static PairAgreement? Agreement(List<(IReadOnlyList<double> Values, int Count)> patterns)
    {
        var each = patterns.Select(p => (Agreement: PairAgreement.Measure([p.Values.Select(v => (int)v).ToList()]), p.Count)).Where(p => p.Agreement is not null).ToList();
        var pairs = each.Sum(p => p.Agreement!.Pairs * p.Count);
        return pairs == 0 ? null
            : new PairAgreement(pairs, each.Sum(p => p.Agreement!.Exact * p.Agreement.Pairs * p.Count) / pairs, each.Sum(p => p.Agreement!.Adjacent * p.Agreement.Pairs * p.Count) / pairs);
    }
}
