using CertGrid.Domain.Integrity;

namespace CertGrid.Abstractions.Integrity;

/// <summary>One reviewer of a decided attempt, as divergence rules see them.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-review-outcome")]
public sealed record PanelReviewOutcome(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] double Percent,
    [property: Id(2)] bool Passed);

/// <summary>
/// The evaluator-divergence read model of a community: each evaluator's recent deviations from their panels (bounded),
/// fed by attempts once decided, and the evaluators the divergence rule flags. Key: the community id.
/// </summary>
public interface IIntegritySignalsGrain : IGrainWithStringKey
{
    /// <summary>Records a decided attempt's panel. Idempotent per attempt.</summary>
    Task RecordPanelDecisionAsync(string attemptId, bool passed, IReadOnlyList<PanelReviewOutcome> reviews);

    /// <summary>Evaluators whose decisions diverge strongly from their panels, most divergent first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<DivergenceFlag>> DivergentEvaluatorsAsync();
}
