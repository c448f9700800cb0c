namespace CertGrid.Domain.Assessments;

/// <summary>One earlier attempt of the same credential by the same learner, as retake rules see it.</summary>
/// <param name="Passed">True or false once decided; null while under review.</param>
[GenerateSerializer, Immutable, Alias("certgrid.attempt-history-entry")]
public sealed record AttemptHistoryEntry(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] DateTimeOffset SubmittedAt,
    [property: Id(2)] bool? Passed,
    [property: Id(3)] DateTimeOffset? DecidedAt);

/// <summary>Whether a learner may attempt a credential now, and if not, when they next may and what is missing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.retake-eligibility")]
public sealed record RetakeEligibility(
    [property: Id(0)] bool Eligible,
    [property: Id(1)] DateTimeOffset? NextEligibleAt,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] IReadOnlyList<string> Missing);
