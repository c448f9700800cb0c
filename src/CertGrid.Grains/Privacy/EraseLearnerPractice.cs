using CertGrid.Abstractions.Practice;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's practice sessions: self-assessments, their notes, mentors' practice reviews and the mentors' request rows.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-learner-practice")]
public sealed record EraseLearnerPractice([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.LearnerPractice(context.Community, LearnerId).EraseAsync();
}
