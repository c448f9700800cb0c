using CertGrid.Abstractions.Relationships;
using CertGrid.Domain.Relationships;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Relationships;

/// <summary>
/// A declared or ended relationship is copied onto the other person (whose copy the conflict-of-interest check reads).
/// Mirroring is idempotent and a late copy never revives an ended relationship. Two people declaring towards each
/// other at the same moment wait on each other until <see cref="IRelationshipsGrain.MirrorAsync"/> times out; the
/// retries' jitter then keeps them apart.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.mirror-relationship")]
public sealed record MirrorRelationship([property: Id(0)] string OtherPerson, [property: Id(1)] Relationship Relationship) : Effect
{
    public override string Receiver => $"relationships:{OtherPerson}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Relationships(context.Community, OtherPerson).MirrorAsync(Relationship);
}
