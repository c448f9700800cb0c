using CertGrid.Abstractions.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Deletes the credentials an erased learner's Open Badges API clients stored in their record.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-hosted-credentials")]
public sealed record EraseHostedCredentials([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.HostedCredentials(context.Community, LearnerId).EraseAsync();
}
