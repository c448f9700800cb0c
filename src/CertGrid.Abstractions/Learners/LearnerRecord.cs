namespace CertGrid.Abstractions.Learners;

/// <summary>An attempt as the learner's record lists it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-attempt")]
public sealed record LearnerAttempt(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] bool? Passed = null,
    [property: Id(4)] DateTimeOffset? DecidedAt = null);

/// <summary>
/// The ids of a learner's attempts, credentials and cohorts (details come from their own grains). A credential earned by a
/// decided attempt is listed from the decision on, while it may still be <c>ISSUING</c> (its grain finds nothing until signed).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-record")]
public sealed record LearnerRecord(
    [property: Id(0)] IReadOnlyList<LearnerAttempt> Attempts,
    [property: Id(1)] IReadOnlyList<string> CredentialIds,
    [property: Id(2)] IReadOnlyList<string> CohortIds);
