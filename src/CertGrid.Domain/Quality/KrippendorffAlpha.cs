using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Krippendorff's alpha reliability coefficient for any number of raters, any number of values and missing ratings
/// (Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
/// University of Pennsylvania). Each unit (one attempt's criterion, say) carries the values whichever raters gave
/// it; units with fewer than two values cannot be paired and are left out. Values are paired within units into a
/// coincidence matrix o<sub>ck</sub> (each pair weighted 1/(m<sub>u</sub>−1)), and
/// α = 1 − (n − 1) Σ o<sub>ck</sub> δ²<sub>ck</sub> / Σ n<sub>c</sub> n<sub>k</sub> δ²<sub>ck</sub>.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Alpha over <paramref name="units"/>, each the values its raters gave (a missing rating is simply absent).
    /// Null when nothing can be paired or every pairable value is the same (expected disagreement 0: alpha is undefined).
    /// </summary>
    public static ReliabilityResult? Compute(IEnumerable<IReadOnlyList<double>> units, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(units);
        return Compute(units.Select(u => (u, 1.0)), level);
    }

    /// <summary>
    /// Alpha over units that each stand for <c>Weight</c> identical units (a pattern of values and how often it
    /// occurred): the coincidence matrix is additive over units, so running tallies need not keep every unit.
    /// </summary>
    public static ReliabilityResult? Compute(IEnumerable<(IReadOnlyList<double> Values, double Weight)> units, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Where(u => u.Values.Count >= 2 && u.Weight > 0).ToList();
        if (pairable.Count == 0)
        {
            return null;
        }

        var values = pairable.SelectMany(u => u.Values).Distinct().Order().ToArray();
        CheckValues(values, level);
        var index = new Dictionary<double, int>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            index[values[i]] = i;
        }

        var coincidences = Coincidences(pairable, index, values.Length);
        var marginals = new double[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                marginals[c] += coincidences[c, k];
            }
        }

        var n = marginals.Sum();
        var difference = DifferenceFunction(level, values, marginals);
        double observed = 0, expected = 0;
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                var delta = difference(c, k);
                observed += coincidences[c, k] * delta;
                expected += marginals[c] * marginals[k] * delta;
            }
        }

        if (expected <= 0)
        {
            return null;
        }

        var observedDisagreement = observed / n;
        var expectedDisagreement = expected / (n * (n - 1));
        return new ReliabilityResult(1 - observedDisagreement / expectedDisagreement, observedDisagreement, expectedDisagreement,
            (int)Math.Round(pairable.Sum(u => u.Weight)), (int)Math.Round(n));
    }

    /// <summary>Alpha over a raters × units matrix with null where a rater did not rate a unit (the layout of Krippendorff's examples).</summary>
    public static ReliabilityResult? Compute(IReadOnlyList<IReadOnlyList<double?>> ratersByUnits, MeasurementLevel level)
    {
        ArgumentNullException.ThrowIfNull(ratersByUnits);
        var unitCount = ratersByUnits.Count == 0 ? 0 : ratersByUnits.Max(r => r.Count);
        var units = Enumerable.Range(0, unitCount)
            .Select(u => (IReadOnlyList<double>)ratersByUnits.Where(r => u < r.Count && r[u] is not null).Select(r => r[u]!.Value).ToList());
        return Compute(units, level);
    }

    private static double[,] Coincidences(List<(IReadOnlyList<double> Values, double Weight)> units, Dictionary<double, int> index, int size)
    {
        var o = new double[size, size];
        foreach (var (unit, count) in units)
        {
            var weight = count / (unit.Count - 1);
            for (var i = 0; i < unit.Count; i++)
            {
                for (var j = 0; j < unit.Count; j++)
                {
                    if (i != j)
                    {
                        o[index[unit[i]], index[unit[j]]] += weight;
                    }
                }
            }
        }

        return o;
    }

    private static Func<int, int, double> DifferenceFunction(MeasurementLevel level, double[] values, double[] marginals) => level switch
    {
        MeasurementLevel.Nominal => (c, k) => c == k ? 0 : 1,
        MeasurementLevel.Ordinal => (c, k) =>
        {
            var (low, high) = c <= k ? (c, k) : (k, c);
            double between = 0;
            for (var g = low; g <= high; g++)
            {
                between += marginals[g];
            }

            var d = between - (marginals[low] + marginals[high]) / 2;
            return d * d;
        },
        MeasurementLevel.Interval => (c, k) => (values[c] - values[k]) * (values[c] - values[k]),
        MeasurementLevel.Ratio => (c, k) => c == k ? 0 : Math.Pow((values[c] - values[k]) / (values[c] + values[k]), 2),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level of measurement."),
    };

    private static void CheckValues(double[] values, MeasurementLevel level)
    {
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw CertGridException.Invalid("values", "Ratings must be finite numbers.");
        }

        if (level == MeasurementLevel.Ratio && values[0] < 0)
        {
            throw CertGridException.Invalid("values", "Ratio-scaled ratings cannot be negative.");
        }
    }
}
