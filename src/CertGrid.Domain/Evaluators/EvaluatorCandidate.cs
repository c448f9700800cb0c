namespace CertGrid.Domain.Evaluators;

/// <summary>What assignment needs to know about an evaluator.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-candidate")]
public sealed record EvaluatorCandidate(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Organisation,
    [property: Id(3)] string? LinkedLearnerId,
    [property: Id(4)] int ActiveAssignments,
    [property: Id(5)] int MaxActiveAssignments,
    [property: Id(6)] bool Active);
