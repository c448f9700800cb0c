namespace CertGrid.Abstractions.Evaluators;

/// <summary>What an admin provides to register an evaluator.</summary>
/// <param name="LinkedLearnerId">Set when the evaluator is also enrolled as a learner, so they never review themselves.</param>
[GenerateSerializer, Immutable, Alias("certgrid.register-evaluator")]
public sealed record RegisterEvaluator(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Organisation,
    [property: Id(3)] IReadOnlyList<string> Expertise,
    [property: Id(4)] string? LinkedLearnerId,
    [property: Id(5)] int MaxActiveAssignments);

/// <summary>An evaluator in a community's pool.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-profile")]
public sealed record EvaluatorProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Organisation,
    [property: Id(4)] IReadOnlyList<string> Expertise,
    [property: Id(5)] string? LinkedLearnerId,
    [property: Id(6)] int MaxActiveAssignments,
    [property: Id(7)] IReadOnlyList<string> ActiveAttemptIds,
    [property: Id(8)] bool Active,
    [property: Id(9)] DateTimeOffset RegisteredAt);
