using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Drops the notes of an erased learner's relationships (mentors, sponsors, declared ties), on their grain and, through
/// it, on every other party's copy; the ties stay as ids for the conflict-of-interest history.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-relationship-notes")]
public sealed record EraseRelationshipNotes([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Relationships(context.Community, PersonRef.Learner(LearnerId)).ForgetNotesAboutAsync(PersonRef.Learner(LearnerId));
}
