using CertGrid.Domain.Errors;
using MathNet.Numerics;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Pearson's chi-square test of independence for an r × c table of counts (no continuity correction):
/// X² = Σ (observed − expected)² / expected with (r − 1)(c − 1) degrees of freedom; the P-value is the upper tail of
/// the chi-square distribution (the regularised upper incomplete gamma function, which keeps tiny P-values exact).
/// Rows or columns with no counts carry no information and are dropped before testing.
/// </summary>
public static class ChiSquareTest
{
    /// <summary>The test, or null when fewer than two non-empty rows or columns remain (nothing to compare).</summary>
    public static ChiSquareResult? Test(double[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = Enumerable.Range(0, table.GetLength(0)).Select(i => Enumerable.Range(0, table.GetLength(1)).Sum(j => table[i, j])).ToArray();
        var columns = Enumerable.Range(0, table.GetLength(1)).Select(j => Enumerable.Range(0, table.GetLength(0)).Sum(i => table[i, j])).ToArray();
        if (rows.Concat(columns).Any(t => t < 0 || !double.IsFinite(t)))
        {
            throw CertGridException.Invalid("table", "Counts must be zero or more.");
        }

        var liveRows = Enumerable.Range(0, rows.Length).Where(i => rows[i] > 0).ToArray();
        var liveColumns = Enumerable.Range(0, columns.Length).Where(j => columns[j] > 0).ToArray();
        if (liveRows.Length < 2 || liveColumns.Length < 2)
        {
            return null;
        }

        var total = rows.Sum();
        double statistic = 0;
        foreach (var i in liveRows)
        {
            foreach (var j in liveColumns)
            {
                var expected = rows[i] * columns[j] / total;
                statistic += (table[i, j] - expected) * (table[i, j] - expected) / expected;
            }
        }

        var degrees = (liveRows.Length - 1) * (liveColumns.Length - 1);
        return new ChiSquareResult(statistic, degrees, SpecialFunctions.GammaUpperRegularized(degrees / 2.0, statistic / 2));
    }

    /// <summary>The smallest expected count of the table under independence (the basis of Cochran's rule).</summary>
    public static double SmallestExpectedCount(double[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var total = 0.0;
        foreach (var count in table)
        {
            total += count;
        }

        var smallest = double.PositiveInfinity;
        for (var i = 0; i < table.GetLength(0); i++)
        {
            var row = Enumerable.Range(0, table.GetLength(1)).Sum(j => table[i, j]);
            for (var j = 0; j < table.GetLength(1); j++)
            {
                var column = Enumerable.Range(0, table.GetLength(0)).Sum(r => table[r, j]);
                smallest = Math.Min(smallest, total == 0 ? 0 : row * column / total);
            }
        }

        return smallest;
    }
}

/// <summary>Pearson's X², its degrees of freedom and the P-value.</summary>
public sealed record ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);
