using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Programs;

/// <summary>What an admin provides to define (or, while in draft, redefine) a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.define-credential")]
public sealed record DefineCredential(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] CredentialTier Tier,
    [property: Id(3)] string FrameworkId,
    [property: Id(4)] string CriteriaNarrative,
    [property: Id(5)] Rubric Rubric,
    [property: Id(6)] int? ValidityDays,
    [property: Id(7)] int EvaluatorsPerAttempt);

/// <summary>A credential definition. Once published it is pinned to the framework version it assesses.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-definition-info")]
public sealed record CredentialDefinitionInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description,
    [property: Id(3)] CredentialTier Tier,
    [property: Id(4)] string FrameworkId,
    [property: Id(5)] string? FrameworkVersion,
    [property: Id(6)] string CriteriaNarrative,
    [property: Id(7)] Rubric Rubric,
    [property: Id(8)] int? ValidityDays,
    [property: Id(9)] int EvaluatorsPerAttempt,
    [property: Id(10)] PublicationStatus Status,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset? PublishedAt);
