using System.Globalization;
using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// Two evaluators' levels on one criterion of the attempts they both reviewed, kept as the cells of their agreement
/// table ("2,3": the first gave 2 and the second 3, with how often). Bounded by the rubric's levels squared whatever the
/// number of attempts, and enough for Cohen's kappa and quadratic weighted kappa.
/// </summary>
[GenerateSerializer, Alias("certgrid.pair-tally")]
public sealed class PairTally
{
    [Id(0)] public Dictionary<string, int> Cells { get; set; } = new(StringComparer.Ordinal);

    public int SharedUnits => Cells.Values.Sum();

    public void Add(int first, int second)
    {
        var key = FormattableString.Invariant($"{first},{second}");
        Cells[key] = Cells.GetValueOrDefault(key) + 1;
    }

    public void AddFrom(PairTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (cell, count) in other.Cells)
        {
            Cells[cell] = Cells.GetValueOrDefault(cell) + count;
        }
    }

    /// <summary>
    /// The agreement table on levels 1 to the highest level either gave. Levels nobody used have empty rows and columns,
    /// which change neither kappa nor quadratic weighted kappa, so the rubric's full scale is not needed.
    /// </summary>
    public AgreementTable Table()
    {
        var cells = Cells.Select(c => (Levels: c.Key.Split(',').Select(level => int.Parse(level, CultureInfo.InvariantCulture)).ToArray(), Count: c.Value)).ToList();
        var highest = Math.Max(2, cells.Max(c => Math.Max(c.Levels[0], c.Levels[1])));
        var counts = new double[highest, highest];
        foreach (var (levels, count) in cells)
        {
            counts[levels[0] - 1, levels[1] - 1] += count;
        }

        return new AgreementTable(counts);
    }
}
