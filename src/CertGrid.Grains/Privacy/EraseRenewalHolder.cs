using CertGrid.Abstractions.Renewals;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Closes the renewal of an erased learner's credential: no more milestones or notices, its evidence and the reviewer's reason removed.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-renewal-holder")]
public sealed record EraseRenewalHolder([property: Id(0)] string LearnerId, [property: Id(1)] string CredentialId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Renewal(context.Community, CredentialId).EraseHolderAsync();
}
