namespace CertGrid.Abstractions.Learners;

/// <summary>What an admin provides to enrol a learner.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.enrol-learner")]
public sealed record EnrolLearner(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Organisation);

/// <summary>A learner enrolled in a community.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-profile")]
public sealed record LearnerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Organisation,
    [property: Id(4)] DateTimeOffset EnrolledAt,
    [property: Id(5)] string? PublicProfileUrl = null);
