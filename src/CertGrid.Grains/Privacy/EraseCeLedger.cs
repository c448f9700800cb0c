using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's continuing-education activities (titles, sources, evidence, review reasons).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-ce-ledger")]
public sealed record EraseCeLedger([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.CeLedger(context.Community, LearnerId).EraseAsync();
}
