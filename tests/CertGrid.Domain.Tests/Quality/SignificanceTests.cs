using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class SignificanceTests
{
    /// <summary>
    /// Agresti, A. (2002). Categorical Data Analysis, 2nd ed., Wiley, §3.5.1, Table 3.8 (Fisher's tea-tasting
    /// experiment: 3 of 4 milk-first cups guessed right): one-sided P = 0.243 (= 17/70); two-sided 0.486 (= 34/70).
    /// </summary>
    [Fact]
    public void Fisher_exact_test_reproduces_the_tea_tasting_example()
    {
        var result = FisherExactTest.Test(3, 1, 1, 3);

        Assert.Equal(17.0 / 70, result.Greater, 12);
        Assert.Equal(34.0 / 70, result.TwoSided, 12);
        Assert.Equal(0.243, Math.Round(result.Greater, 3));
    }

    /// <summary>
    /// Fisher, R. A. (1962, 1970), convictions of like-sex twins of criminals (dizygotic 2 convicted / 15 not,
    /// monozygotic 10 / 3), as worked in R's fisher.test documentation: P(less) = 0.0004652, two-sided 0.0005367.
    /// </summary>
    [Fact]
    public void Fisher_exact_test_reproduces_the_twins_example()
    {
        var result = FisherExactTest.Test(2, 15, 10, 3);

        Assert.Equal(0.0004652, Math.Round(result.Less, 7));
        Assert.Equal(0.0005367, Math.Round(result.TwoSided, 7));
    }

    /// <summary>
    /// Agresti, A. (2007). An Introduction to Categorical Data Analysis, 2nd ed., Wiley, §2.4 (gender by party
    /// identification, 2 × 3): X² = 30.07 with 2 degrees of freedom, P = 2.954e-07 (also R's chisq.test documentation).
    /// </summary>
    [Fact]
    public void Pearson_chi_square_reproduces_the_party_identification_example()
    {
        var result = ChiSquareTest.Test(new double[,] { { 762, 327, 468 }, { 484, 239, 477 } });

        Assert.NotNull(result);
        Assert.Equal(30.07, Math.Round(result.Statistic, 2));
        Assert.Equal(2, result.DegreesOfFreedom);
        Assert.Equal(2.954e-07, Math.Round(result.PValue, 10));
    }

    [Fact]
    public void The_test_is_chosen_by_sample_size_with_cochrans_rule()
    {
        // Expected counts of at least 5 everywhere: chi-square.
        Assert.Equal(SignificanceTestKind.ChiSquare, Significance.CompareRates(30, 100, 60, 100).Test);
        // 12 members of whom 1 failed: an expected count below 5, so Fisher's exact test.
        var small = Significance.CompareRates(11, 12, 60, 100);
        Assert.Equal(SignificanceTestKind.FisherExact, small.Test);
        Assert.Equal(FisherExactTest.Test(11, 1, 60, 40).TwoSided, small.PValue, 12);
        Assert.True(Significance.CompareRates(30, 100, 60, 100).IsSignificant);
        Assert.False(Significance.CompareRates(55, 100, 60, 100).IsSignificant);
    }

    /// <summary>
    /// Holm (1979) on the P-values 0.01, 0.04, 0.03 and 0.005: sorted 0.005, 0.01, 0.03, 0.04 are multiplied by 4, 3, 2
    /// and 1 and kept non-decreasing: 0.02, 0.03, 0.06, 0.06.
    /// </summary>
    [Fact]
    public void Holm_adjustment_steps_down_and_keeps_the_order()
    {
        var adjusted = HolmAdjustment.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(p => Math.Round(p, 10)));
        Assert.Empty(HolmAdjustment.Adjust([]));
    }
}
