using CertGrid.Domain.Cohorts;
using CertGrid.Domain.Progress;

namespace CertGrid.Abstractions.Cohorts;

/// <summary>What an admin provides to start a cohort.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.create-cohort")]
public sealed record CreateCohort(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly StartsOn,
    [property: Id(2)] DateOnly EndsOn,
    [property: Id(3)] IReadOnlyList<string> DefinitionIds,
    [property: Id(4)] IReadOnlyList<AssessmentWindow>? Windows = null);

/// <summary>A cohort: learners going through a program together, with its assessment windows and mentors.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cohort-info")]
public sealed record CohortInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly StartsOn,
    [property: Id(3)] DateOnly EndsOn,
    [property: Id(4)] IReadOnlyList<string> DefinitionIds,
    [property: Id(5)] IReadOnlyList<string> MemberIds,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] IReadOnlyList<AssessmentWindow>? Windows = null,
    [property: Id(8)] IReadOnlyList<string>? Mentors = null)
{
    public CohortFacts ToFacts() => new(Id, Name, StartsOn, EndsOn, DefinitionIds, Windows ?? []);
}

/// <summary>One member's progress in the cohort: per credential (attempts, when earned) and per competency.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cohort-member-progress")]
public sealed record CohortMemberProgress(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] IReadOnlyList<MemberCredential> Credentials,
    [property: Id(4)] IReadOnlyList<DemonstratedCompetency> Competencies);
