using CertGrid.Abstractions.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's reflections, contact data and the reviewers' notes about them from one attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-attempt-learner-data")]
public sealed record EraseAttemptLearnerData([property: Id(0)] string LearnerId, [property: Id(1)] string AttemptId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Attempt(context.Community, AttemptId).EraseLearnerDataAsync();
}
