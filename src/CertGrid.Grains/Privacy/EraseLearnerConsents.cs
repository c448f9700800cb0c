using CertGrid.Abstractions.Consents;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's consents, their talent profile and the log of partners' reads and messages.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-learner-consents")]
public sealed record EraseLearnerConsents([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.LearnerConsents(context.Community, LearnerId).EraseAsync();
}
