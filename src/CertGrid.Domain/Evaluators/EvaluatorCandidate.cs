using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Evaluators;

/// <summary>What assignment needs to know about an evaluator.</summary>
/// <param name="Expertise">Competency codes they may assess.</param>
/// <param name="Languages">Language tags they review in (lower case).</param>
/// <param name="UnavailableUntil">Not assignable before this time (leave, conflict of schedule).</param>
/// <param name="OverdueReviews">Reviews they let pass their deadline; counted against them when choosing.</param>
/// <param name="Calibration">Their calibration standing (null: never calibrated); matters when the community requires calibration.</param>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-candidate")]
public sealed record EvaluatorCandidate(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Organisation,
    [property: Id(3)] string? LinkedLearnerId,
    [property: Id(4)] int ActiveAssignments,
    [property: Id(5)] int MaxActiveAssignments,
    [property: Id(6)] bool Active,
    [property: Id(7)] IReadOnlyList<string>? Expertise = null,
    [property: Id(8)] IReadOnlyList<string>? Languages = null,
    [property: Id(9)] DateTimeOffset? UnavailableUntil = null,
    [property: Id(10)] int OverdueReviews = 0,
    [property: Id(11)] CalibrationStanding? Calibration = null);
