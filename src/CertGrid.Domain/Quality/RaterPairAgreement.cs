namespace CertGrid.Domain.Quality;

/// <summary>How two raters agreed on the units they both rated: Cohen's kappa and quadratic weighted kappa.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.rater-pair-agreement")]
public sealed record RaterPairAgreement(
    [property: Id(0)] string FirstRaterId,
    [property: Id(1)] string SecondRaterId,
    [property: Id(2)] int SharedUnits,
    [property: Id(3)] double? Kappa,
    [property: Id(4)] double? QuadraticKappa)
{
    /// <summary>Fewer shared units than this and a pair's kappa says nothing; such pairs are not reported.</summary>
    public const int MinimumSharedUnits = 10;

    /// <summary>Every pair of raters with enough shared units, on the scale <paramref name="lowest"/>..<paramref name="highest"/>.</summary>
    public static IReadOnlyList<RaterPairAgreement> Measure(IReadOnlyList<RatedUnit> units, int lowest, int highest, int minimumSharedUnits = MinimumSharedUnits)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairs = new Dictionary<(string, string), List<(int, int)>>();
        foreach (var unit in units)
        {
            var ratings = unit.Ratings.OrderBy(r => r.RaterId, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ratings.Count; i++)
            {
                for (var j = i + 1; j < ratings.Count; j++)
                {
                    var key = (ratings[i].RaterId, ratings[j].RaterId);
                    if (!pairs.TryGetValue(key, out var list))
                    {
                        pairs[key] = list = [];
                    }

                    list.Add((ratings[i].Level, ratings[j].Level));
                }
            }
        }

        return pairs
            .Where(p => p.Value.Count >= minimumSharedUnits)
            .OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => Of(p.Key.Item1, p.Key.Item2, AgreementTable.FromPairs(p.Value, lowest, highest)))
            .ToList();
    }

    /// <summary>Kappa and quadratic weighted kappa of one pair from their agreement table.</summary>
    public static RaterPairAgreement Of(string firstRaterId, string secondRaterId, AgreementTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new RaterPairAgreement(firstRaterId, secondRaterId, (int)table.Total, CohenKappa.Compute(table), CohenKappa.Compute(table, KappaWeighting.Quadratic));
    }
}
