using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Evaluators;

[GenerateSerializer, Alias("certgrid.state.evaluator-grain")]
public sealed class EvaluatorState : DurableState
{
    [Id(0)] public EvaluatorRecord Record { get; set; } = new();

    /// <summary>Panels whose missed deadline or recusal was counted (the most recent <see cref="EvaluatorGrain.CountedPanelsKept"/>), so a retried release counts once.</summary>
    [Id(1)] public List<string> CountedPanels { get; set; } = [];
}
