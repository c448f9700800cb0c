namespace CertGrid.Domain.Evaluators;

/// <summary>An evaluator chosen for an attempt, with the reason they were chosen.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-assignment")]
public sealed record EvaluatorAssignment(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Reason);
