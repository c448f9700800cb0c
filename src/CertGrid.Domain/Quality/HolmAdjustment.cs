namespace CertGrid.Domain.Quality;

/// <summary>
/// Holm's step-down adjustment of P-values for multiple comparisons (Holm, S. (1979), A simple sequentially rejective
/// multiple test procedure, Scandinavian Journal of Statistics 6, 65–70). Comparing five organisations at 5% each
/// would call one of them different in about a fifth of fair programs; after the adjustment the chance that any is
/// called different by chance stays at 5%.
/// </summary>
public static class HolmAdjustment
{
    /// <summary>The adjusted P-values, in the order given.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[pValues.Count];
        var running = 0.0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            running = Math.Max(running, Math.Min(1, (pValues.Count - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
