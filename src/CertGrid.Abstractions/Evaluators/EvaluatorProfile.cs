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
    [property: Id(5)] int MaxActiveAssignments,
    [property: Id(6)] IReadOnlyList<string>? Languages = null);

/// <summary>An evaluator in a community's pool.</summary>
/// <param name="OverdueReviews">Reviews they let pass the deadline (each was reassigned); counted against them.</param>
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
    [property: Id(9)] DateTimeOffset RegisteredAt,
    [property: Id(10)] IReadOnlyList<string>? Languages = null,
    [property: Id(11)] DateTimeOffset? UnavailableUntil = null,
    [property: Id(12)] int OverdueReviews = 0,
    [property: Id(13)] int Recusals = 0,
    [property: Id(14)] string? InactiveReason = null);

/// <summary>What an admin changes about an evaluator; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.update-evaluator")]
public sealed record UpdateEvaluator(
    [property: Id(0)] string? Organisation,
    [property: Id(1)] IReadOnlyList<string>? Expertise,
    [property: Id(2)] IReadOnlyList<string>? Languages,
    [property: Id(3)] int? MaxActiveAssignments);
