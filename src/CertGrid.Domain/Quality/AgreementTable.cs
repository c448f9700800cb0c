using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// How two raters' ratings of the same units cross: <c>Counts[i, j]</c> units got category i from the first rater and
/// category j from the second. Categories are ordered (0 = the lowest rubric level), which weighted kappa relies on.
/// </summary>
public sealed class AgreementTable
{
    private readonly double[,] counts;

    public AgreementTable(double[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.GetLength(0) != counts.GetLength(1) || counts.GetLength(0) < 2)
        {
            throw CertGridException.Invalid("table", "An agreement table must be square with at least two categories.");
        }

        foreach (var count in counts)
        {
            if (count < 0 || !double.IsFinite(count))
            {
                throw CertGridException.Invalid("table", "Counts in an agreement table must be zero or more.");
            }
        }

        this.counts = (double[,])counts.Clone();
    }

    /// <summary>Categories on each side.</summary>
    public int Categories => counts.GetLength(0);

    /// <summary>Units rated by both raters.</summary>
    public double Total
    {
        get
        {
            double total = 0;
            foreach (var count in counts)
            {
                total += count;
            }

            return total;
        }
    }

    public double this[int first, int second] => counts[first, second];

    /// <summary>
    /// The table of paired ratings on a scale from <paramref name="lowest"/> to <paramref name="highest"/> (every level
    /// is a category even if nobody used it, so weights follow the scale, not the levels seen).
    /// </summary>
    public static AgreementTable FromPairs(IEnumerable<(int First, int Second)> pairs, int lowest, int highest)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (highest <= lowest)
        {
            throw CertGridException.Invalid("highest", "A rating scale needs at least two levels.");
        }

        var table = new double[highest - lowest + 1, highest - lowest + 1];
        foreach (var (first, second) in pairs)
        {
            if (first < lowest || first > highest || second < lowest || second > highest)
            {
                throw CertGridException.Invalid("pairs", $"Ratings must lie between {lowest} and {highest}.");
            }

            table[first - lowest, second - lowest]++;
        }

        return new AgreementTable(table);
    }

    /// <summary>Share of units in row <paramref name="category"/> (the first rater's marginal distribution).</summary>
    public double RowShare(int category)
    {
        double row = 0;
        for (var j = 0; j < Categories; j++)
        {
            row += counts[category, j];
        }

        return row / Total;
    }

    /// <summary>Share of units in column <paramref name="category"/> (the second rater's marginal distribution).</summary>
    public double ColumnShare(int category)
    {
        double column = 0;
        for (var i = 0; i < Categories; i++)
        {
            column += counts[i, category];
        }

        return column / Total;
    }
}
