using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Privacy;

/// <summary>Deletes every artifact blob under a prefix (a learner's portfolio, an attempt's blind-review copies); deleting again finds none.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.delete-blobs")]
public sealed record DeleteBlobs([property: Id(0)] string LearnerId, [property: Id(1)] string Prefix) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<ArtifactStore>().DeleteUnderAsync(Prefix);
}
