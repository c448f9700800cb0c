using CertGrid.Abstractions.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Relationships;

/// <summary>An erased person's own relationships grain has each other party drop the notes of their copies about them.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.forget-relationship-notes")]
public sealed record ForgetRelationshipNotes([property: Id(0)] string OtherPerson, [property: Id(1)] string ErasedPerson) : Effect
{
    // The same receiver as the mirror copies to that party, so a copy still waiting goes first and its note is then dropped.
    public override string Receiver => $"relationships:{OtherPerson}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Relationships(context.Community, OtherPerson).ForgetNotesAboutAsync(ErasedPerson);
}
