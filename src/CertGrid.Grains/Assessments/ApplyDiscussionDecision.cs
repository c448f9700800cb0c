using CertGrid.Abstractions.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Assessments;

/// <summary>A closed consensus discussion has the attempt (same key) apply its decision; the attempt applies it once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.apply-discussion-decision")]
public sealed record ApplyDiscussionDecision([property: Id(0)] string AttemptKey, [property: Id(1)] DiscussionDecision Decision) : Effect
{
    public override string Receiver => $"attempt:{AttemptKey}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IAttemptGrain>(AttemptKey).DecideAfterDiscussionAsync(Decision);
}
