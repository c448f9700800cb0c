namespace CertGrid.Abstractions.Privacy;

/// <summary>
/// What erasing a learner did: when, and how many of their records it reached. Everything else about them is being
/// destroyed in the background (effects of the erasure, retried until done); nothing personal is in this receipt.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-erasure")]
public sealed record LearnerErasure(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] DateTimeOffset ErasedAt,
    [property: Id(2)] int Attempts,
    [property: Id(3)] int Credentials,
    [property: Id(4)] int Artifacts);
