using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class CohenKappaTests
{
    /// <summary>
    /// Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70(4), 213–220, Table 1: two judges assign 200 cases to
    /// personality disorder, neurosis and psychosis (proportions .44 .07 .09 / .05 .20 .05 / .01 .03 .06). Cohen reports
    /// κ = .492 and, with his disagreement weights 1 (PD–N), 3 (PD–P) and 6 (N–P), κ<sub>w</sub> = .348.
    /// </summary>
    [Fact]
    public void Cohens_own_1968_table_gives_kappa_492_and_weighted_kappa_348()
    {
        var table = new AgreementTable(new double[,] { { 88, 14, 18 }, { 10, 40, 10 }, { 2, 6, 12 } });
        var weights = new double[,] { { 0, 1, 3 }, { 1, 0, 6 }, { 3, 6, 0 } };

        Assert.Equal(0.492, Math.Round(CohenKappa.Compute(table)!.Value, 3));
        Assert.Equal(0.348, Math.Round(CohenKappa.Compute(table, weights)!.Value, 3));
    }

    /// <summary>
    /// SAS/STAT User's Guide, The FREQ Procedure, "Getting Started: Agreement Study" (skin condition rated terrible,
    /// poor, marginal, clear by two dermatologists, 88 patients): simple kappa 0.3449, weighted kappa (Cicchetti–Allison,
    /// i.e. linear weights) 0.5082.
    /// </summary>
    [Fact]
    public void The_SAS_skin_condition_study_gives_kappa_3449_and_linear_weighted_kappa_5082()
    {
        var table = new AgreementTable(new double[,] { { 10, 4, 1, 0 }, { 5, 10, 12, 2 }, { 2, 4, 12, 5 }, { 0, 2, 6, 13 } });

        Assert.Equal(0.3449, Math.Round(CohenKappa.Compute(table)!.Value, 4));
        Assert.Equal(0.5082, Math.Round(CohenKappa.Compute(table, KappaWeighting.Linear)!.Value, 4));
    }

    /// <summary>
    /// Maple documentation, EssayTools[QuadraticWeightedKappa], Examples 1 and 2 (scores on a scale from the lowest to
    /// the highest score given): 0.758620689655172 and 0.438095238095238.
    /// </summary>
    [Theory]
    [InlineData(new[] { 9, 7, 8, 7, 6, 8, 3, 5, 10 }, new[] { 8, 8, 6, 6, 7, 6, 1, 4, 8 }, 0.758620689655172)]
    [InlineData(new[] { 9, 7, 8, 7, 6, 8, 3, 5, 10 }, new[] { 3, 5, 6, 6, 7, 6, 1, 4, 8 }, 0.438095238095238)]
    public void Quadratic_weighted_kappa_matches_the_published_essay_scoring_examples(int[] first, int[] second, double published)
    {
        var scores = first.Concat(second).ToList();
        var table = AgreementTable.FromPairs(first.Zip(second), scores.Min(), scores.Max());

        Assert.Equal(published, CohenKappa.Compute(table, KappaWeighting.Quadratic)!.Value, 12);
    }

    [Fact]
    public void Kappa_is_one_for_identical_ratings_and_undefined_when_chance_explains_everything()
    {
        var same = AgreementTable.FromPairs([(1, 1), (2, 2), (3, 3), (2, 2)], 1, 4);
        Assert.Equal(1, CohenKappa.Compute(same, KappaWeighting.Quadratic));
        Assert.Null(CohenKappa.Compute(AgreementTable.FromPairs([(2, 2), (2, 2)], 1, 3)));
        Assert.Equal(ErrorCode.ValidationFailed, Assert.Throws<CertGridException>(() => AgreementTable.FromPairs([(0, 5)], 1, 4)).Code);
    }
}
