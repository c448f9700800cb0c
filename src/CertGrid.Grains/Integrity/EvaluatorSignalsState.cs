using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Integrity;

[GenerateSerializer, Alias("certgrid.state.evaluator-signals")]
public sealed class EvaluatorSignalsState : DurableState
{
    /// <summary>The evaluator's most recent deviations from their panels, oldest first (at most <see cref="DivergenceSettings.Window"/>).</summary>
    [Id(0)] public List<ReviewDeviation> Recent { get; set; } = [];

    /// <summary>Whether the rule flags the evaluator now, so a newly raised or cleared flag is audited once.</summary>
    [Id(1)] public bool Flagged { get; set; }

    /// <summary>Whether the evaluator was ever flagged (a cleared flag's row is then removed from the read model).</summary>
    [Id(2)] public bool EverFlagged { get; set; }
}
