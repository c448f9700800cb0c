namespace CertGrid.Benchmarks.Issuance;

/// <summary>Mean storage requests, writes and body bytes per issuance under one label of the <see cref="RequestMeter"/>.</summary>
public sealed record Touched(string Label, double Requests, double Writes, double Bytes)
{
    /// <summary>What was counted over <paramref name="issuances"/> issuances, as means per issuance, most requests first.</summary>
    public static IReadOnlyList<Touched> PerIssuance(IEnumerable<RequestMeter.Tally> totals, int issuances)
    {
        double n = issuances;
        return totals
            .Where(t => t.Requests > 0)
            .Select(t => new Touched(t.Label, t.Requests / n, t.Writes / n, t.Bytes / n))
            .OrderByDescending(t => t.Requests).ThenByDescending(t => t.Bytes).ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();
    }
}
