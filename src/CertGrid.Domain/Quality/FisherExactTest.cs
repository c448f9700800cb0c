using CertGrid.Domain.Errors;
using MathNet.Numerics;

namespace CertGrid.Domain.Quality;

/// <summary>
/// Fisher's exact test for a 2 × 2 table [[a, b], [c, d]] (Agresti, A. (2002), Categorical Data Analysis, 2nd ed.,
/// §3.5.1): with the margins fixed, <c>a</c> follows the hypergeometric distribution. One-sided P-values sum the
/// tables at least as extreme in one direction; the two-sided P-value sums every table no more probable than the
/// observed one (the rule R's <c>fisher.test</c> uses, with the same relative tolerance of 1e-7 for ties).
/// </summary>
public static class FisherExactTest
{
    private const double RelativeTolerance = 1 + 1e-7;

    public static FisherExactResult Test(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw CertGridException.Invalid("table", "Counts in a 2 × 2 table must be zero or more.");
        }

        var row1 = a + b;
        var column1 = a + c;
        var n = a + b + c + d;
        var lowest = Math.Max(0, column1 - (n - row1));
        var highest = Math.Min(row1, column1);
        var observed = Probability(a, row1, column1, n);
        double less = 0, greater = 0, twoSided = 0;
        for (var x = lowest; x <= highest; x++)
        {
            var p = Probability(x, row1, column1, n);
            less += x <= a ? p : 0;
            greater += x >= a ? p : 0;
            twoSided += p <= observed * RelativeTolerance ? p : 0;
        }

        return new FisherExactResult(Math.Min(1, less), Math.Min(1, greater), Math.Min(1, twoSided));
    }

    /// <summary>P(first cell = x) with row 1 total, column 1 total and grand total fixed.</summary>
    private static double Probability(int x, int row1, int column1, int n) =>
        Math.Exp(
            SpecialFunctions.FactorialLn(row1) + SpecialFunctions.FactorialLn(n - row1)
            + SpecialFunctions.FactorialLn(column1) + SpecialFunctions.FactorialLn(n - column1)
            - SpecialFunctions.FactorialLn(n) - SpecialFunctions.FactorialLn(x) - SpecialFunctions.FactorialLn(row1 - x)
            - SpecialFunctions.FactorialLn(column1 - x) - SpecialFunctions.FactorialLn(n - row1 - column1 + x));
}

/// <summary>The three P-values of Fisher's exact test: first cell smaller (Less), larger (Greater), either way (TwoSided).</summary>
public sealed record FisherExactResult(double Less, double Greater, double TwoSided);
