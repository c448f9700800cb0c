using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Tests.Quality;

public class PairAgreementTests
{
    [Fact]
    public void Exact_and_adjacent_agreement_count_every_pair_within_a_unit()
    {
        // Unit 1: (3,3) exact. Unit 2: (2,3) adjacent, (2,4) neither, (3,4) adjacent. Unit 3: a lone rating, no pair.
        var agreement = PairAgreement.Measure([[3, 3], [2, 3, 4], [1]]);

        Assert.NotNull(agreement);
        Assert.Equal(4, agreement.Pairs);
        Assert.Equal(0.25, agreement.Exact);
        Assert.Equal(0.75, agreement.Adjacent);
        Assert.Null(PairAgreement.Measure([[1], [2]]));
    }
}
