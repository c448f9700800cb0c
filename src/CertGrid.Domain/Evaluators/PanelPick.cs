namespace CertGrid.Domain.Evaluators;

/// <summary>The evaluators picked for a panel with their reasons, and every evaluator passed over with why.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-pick")]
public sealed record PanelPick(
    [property: Id(0)] IReadOnlyList<EvaluatorAssignment> Picked,
    [property: Id(1)] IReadOnlyList<ExcludedEvaluator> PassedOver)
{
    /// <summary>A sentence summarising why evaluators were passed over, e.g. "is from the learner's organisation (2); is inactive (1)".</summary>
    public string Summary() => PassedOver.Count == 0
        ? "nobody was passed over"
        : string.Join("; ", PassedOver
            .GroupBy(p => p.Reason.StartsWith("is unavailable until", StringComparison.Ordinal) ? "is unavailable" : p.Reason.StartsWith("lacks expertise", StringComparison.Ordinal) ? "lacks the expertise" : p.Reason)
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} ({g.Count()})"));
}
