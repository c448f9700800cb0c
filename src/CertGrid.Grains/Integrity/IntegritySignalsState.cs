using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// What a community recorded before divergence signals were kept per evaluator (<see cref="EvaluatorSignalsState"/>):
/// read once, handed to the evaluators' grains, and stored empty.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.integrity-signals")]
public sealed class IntegritySignalsState : DurableState
{
    /// <summary>Each evaluator's most recent deviations from their panels (at most <see cref="DivergenceSettings.Window"/>).</summary>
    [Id(0)] public Dictionary<string, List<ReviewDeviation>> Recent { get; set; } = [];

    /// <summary>Evaluators flagged at the time.</summary>
    [Id(1)] public List<string> Flagged { get; set; } = [];
}
