using CertGrid.Abstractions.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes the text of the panel's notes and the decision's rationale from the consensus discussion of an erased learner's attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-discussion-notes")]
public sealed record EraseDiscussionNotes([property: Id(0)] string LearnerId, [property: Id(1)] string AttemptId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.ConsensusDiscussion(context.Community, AttemptId).EraseNotesAsync();
}
