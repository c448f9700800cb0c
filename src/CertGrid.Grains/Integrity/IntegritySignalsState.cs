using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Integrity;

[GenerateSerializer, Alias("certgrid.state.integrity-signals")]
public sealed class IntegritySignalsState : DurableState
{
    /// <summary>Each evaluator's most recent deviations from their panels (at most <see cref="DivergenceSettings.Window"/>).</summary>
    [Id(0)] public Dictionary<string, List<ReviewDeviation>> Recent { get; set; } = [];

    /// <summary>Evaluators currently flagged, so a newly flagged one is audited once.</summary>
    [Id(1)] public List<string> Flagged { get; set; } = [];
}
