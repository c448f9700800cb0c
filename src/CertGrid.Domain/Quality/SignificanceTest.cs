using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Quality;

/// <summary>Which test produced a P-value.</summary>
public enum SignificanceTestKind
{
    /// <summary>Fisher's exact test, used when an expected count is below 5.</summary>
    FisherExact,
    /// <summary>Pearson's chi-square test, used when every expected count is at least 5.</summary>
    ChiSquare,
}

/// <summary>
/// A two-sided P-value, the test that produced it, and the P-value adjusted for the other comparisons made alongside
/// it (<see cref="HolmAdjustment"/>); significance is judged on the adjusted value.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.significance")]
public sealed record Significance(
    [property: Id(0)] SignificanceTestKind Test,
    [property: Id(1)] double PValue,
    [property: Id(2)] double AdjustedPValue)
{
    /// <summary>The conventional level below which a difference is called significant.</summary>
    public const double Level = 0.05;

    /// <summary>Cochran's rule: the chi-square approximation is trusted when every expected count is at least this.</summary>
    public const double MinimumExpectedCount = 5;

    public bool IsSignificant => AdjustedPValue < Level;

    /// <summary>
    /// Compares two groups' pass rates (a 2 × 2 table of passed/failed by group), unadjusted. The test is chosen by sample size
    /// (Cochran's rule): Pearson's chi-square when every expected count is at least 5, Fisher's exact test otherwise.
    /// </summary>
    public static Significance CompareRates(int selected, int total, int referenceSelected, int referenceTotal)
    {
        if (selected < 0 || referenceSelected < 0 || selected > total || referenceSelected > referenceTotal)
        {
            throw CertGridException.Invalid("counts", "A group cannot have more selected than members, or fewer than none.");
        }

        var table = new double[,] { { selected, total - selected }, { referenceSelected, referenceTotal - referenceSelected } };
        if (ChiSquareTest.SmallestExpectedCount(table) >= MinimumExpectedCount && ChiSquareTest.Test(table) is { } chiSquare)
        {
            return new Significance(SignificanceTestKind.ChiSquare, chiSquare.PValue, chiSquare.PValue);
        }

        var fisher = FisherExactTest.Test(selected, total - selected, referenceSelected, referenceTotal - referenceSelected);
        return new Significance(SignificanceTestKind.FisherExact, fisher.TwoSided, fisher.TwoSided);
    }
}
