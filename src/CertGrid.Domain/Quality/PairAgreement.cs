namespace CertGrid.Domain.Quality;

/// <summary>
/// The plain-language agreement figures: the share of rating pairs that are identical (exact) and that differ by
/// at most one level (adjacent, which includes exact). Pairs are every two raters of the same unit.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.pair-agreement")]
public sealed record PairAgreement(
    [property: Id(0)] int Pairs,
    [property: Id(1)] double Exact,
    [property: Id(2)] double Adjacent)
{
    /// <summary>Agreement over every pair of values within each unit (units with one value have no pairs); null without pairs.</summary>
    public static PairAgreement? Measure(IEnumerable<IReadOnlyList<int>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        int pairs = 0, exact = 0, adjacent = 0;
        foreach (var unit in units)
        {
            for (var i = 0; i < unit.Count; i++)
            {
                for (var j = i + 1; j < unit.Count; j++)
                {
                    var gap = Math.Abs(unit[i] - unit[j]);
                    pairs++;
                    exact += gap == 0 ? 1 : 0;
                    adjacent += gap <= 1 ? 1 : 0;
                }
            }
        }

        return pairs == 0 ? null : new PairAgreement(pairs, exact / (double)pairs, adjacent / (double)pairs);
    }
}
