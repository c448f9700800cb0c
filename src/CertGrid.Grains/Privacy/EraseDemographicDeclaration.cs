using CertGrid.Abstractions.Demographics;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's demographic declaration.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-demographic-declaration")]
public sealed record EraseDemographicDeclaration([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.DemographicDeclaration(context.Community, LearnerId).EraseAsync();
}
