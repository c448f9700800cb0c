using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Cohen's kappa for two raters (Cohen, J. (1960), Educational and Psychological Measurement 20, 37–46) and weighted
/// kappa (Cohen, J. (1968), Psychological Bulletin 70(4), 213–220) in its disagreement form:
/// κ<sub>w</sub> = 1 − Σ v<sub>ij</sub> p<sub>ij</sub> / Σ v<sub>ij</sub> p<sub>i·</sub> p<sub>·j</sub>, where v are disagreement weights.
/// Unweighted kappa is the special case v = 1 off the diagonal.
/// </summary>
public static class CohenKappa
{
    /// <summary>Kappa with one of the standard weightings; null when chance alone would give perfect agreement (undefined).</summary>
    public static double? Compute(AgreementTable table, KappaWeighting weighting = KappaWeighting.Unweighted)
    {
        ArgumentNullException.ThrowIfNull(table);
        var weights = new double[table.Categories, table.Categories];
        for (var i = 0; i < table.Categories; i++)
        {
            for (var j = 0; j < table.Categories; j++)
            {
                weights[i, j] = weighting switch
                {
                    KappaWeighting.Unweighted => i == j ? 0 : 1,
                    KappaWeighting.Linear => Math.Abs(i - j),
                    KappaWeighting.Quadratic => (i - j) * (i - j),
                    _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Unknown kappa weighting."),
                };
            }
        }

        return Compute(table, weights);
    }

    /// <summary>Weighted kappa with the given disagreement weights (0 on the diagonal, larger for graver disagreements).</summary>
    public static double? Compute(AgreementTable table, double[,] disagreementWeights)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(disagreementWeights);
        if (disagreementWeights.GetLength(0) != table.Categories || disagreementWeights.GetLength(1) != table.Categories)
        {
            throw CertGridException.Invalid("weights", "The weights must have one row and one column per category.");
        }

        var total = table.Total;
        if (total == 0)
        {
            return null;
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < table.Categories; i++)
        {
            var row = table.RowShare(i);
            for (var j = 0; j < table.Categories; j++)
            {
                observed += disagreementWeights[i, j] * table[i, j] / total;
                expected += disagreementWeights[i, j] * row * table.ColumnShare(j);
            }
        }

        return expected <= 0 ? null : 1 - observed / expected;
    }
}
