using CertGrid.Abstractions.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Assessments;

/// <summary>A panel that disagrees beyond tolerance gets its consensus discussion (same key as the attempt); opening it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.open-consensus-discussion")]
public sealed record OpenConsensusDiscussion([property: Id(0)] string AttemptKey, [property: Id(1)] OpenDiscussion Command) : Effect
{
    public override string Receiver => $"discussion:{AttemptKey}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IConsensusDiscussionGrain>(AttemptKey).OpenAsync(Command);
}
