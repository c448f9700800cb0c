using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Persistence;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Tests.Renewals;

/// <summary>A renewal accepted just before its holder's erasure issues nothing afterwards, and does not stay pending.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class RenewalOfErasedHolderTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task A_holder_erased_before_their_renewal_could_be_issued_gets_no_replacement_and_the_renewal_settles()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy(credits: 0, ethics: 0));
        var credential = await scenario.EarnAsync();
        await scenario.SweepOnDayOfAsync(credential.ValidUntil!.Value.AddDays(-60));
        var renewal = scenario.Renewal(credential.Id);
        var learner = scenario.Grains.GetGrain<ILearnerGrain>(scenario.Program.Key(credential.LearnerId));
        RenewalView renewed;
        fixture.Cluster.BeginOutage("ICredentialGrain.IssueAsync");
        try
        {
            renewed = await renewal.RenewAsync(Actors.Learner(credential.LearnerId));
            Assert.Equal(RenewalStage.Renewed, renewed.Stage);
            Assert.Null(await scenario.Credential(renewed.RenewedByCredentialId!).FindAsync());
            await learner.EraseAsync(Actors.System);
            await Settled.EffectsOfAsync(scenario.Grains, learner);
        }
        finally
        {
            fixture.Cluster.EndOutage();
        }

        await scenario.Grains.GetGrain<IEffectOutbox>(renewal.GetGrainId()).RetryEffectsNowAsync();
        await Settled.EffectsOfAsync(scenario.Grains, renewal);
        Assert.Null(await scenario.Credential(renewed.RenewedByCredentialId!).FindAsync());
    }
}
