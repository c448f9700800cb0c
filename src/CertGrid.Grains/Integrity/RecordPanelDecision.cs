using CertGrid.Abstractions.Integrity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Integrity;

/// <summary>A decided attempt feeds the community's divergence signals with each reviewer's score; recorded once per attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-panel-decision")]
public sealed record RecordPanelDecision(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] bool Passed,
    [property: Id(2)] IReadOnlyList<PanelReviewOutcome> Reviews) : Effect
{
    public override string Receiver => "integrity-signals";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IIntegritySignalsGrain>(context.Community).RecordPanelDecisionAsync(AttemptId, Passed, Reviews);
}
