namespace CertGrid.Abstractions.Cohorts;

/// <summary>What an admin provides to start a cohort.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.create-cohort")]
public sealed record CreateCohort(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly StartsOn,
    [property: Id(2)] DateOnly EndsOn,
    [property: Id(3)] IReadOnlyList<string> DefinitionIds);

/// <summary>A cohort: learners going through a program together.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cohort-info")]
public sealed record CohortInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly StartsOn,
    [property: Id(3)] DateOnly EndsOn,
    [property: Id(4)] IReadOnlyList<string> DefinitionIds,
    [property: Id(5)] IReadOnlyList<string> MemberIds,
    [property: Id(6)] DateTimeOffset CreatedAt);
