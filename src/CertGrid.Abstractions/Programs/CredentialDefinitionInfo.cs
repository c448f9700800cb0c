using System.Text.Json.Serialization;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Renewals;

namespace CertGrid.Abstractions.Programs;

/// <summary>What an admin provides to define (or, while in draft, redefine) a credential.</summary>
/// <param name="Requirements">Eligibility rules: prerequisites, time enrolled, cohort membership.</param>
/// <param name="Track">The specialisation track the credential certifies (tier SPECIALISATION only).</param>
/// <param name="AllowsDirectAward">Whether the community's systems may award it directly (<c>awardCredential</c>, the award webhook), without an assessment.</param>
[GenerateSerializer, Immutable, Alias("certgrid.define-credential")]
public sealed record DefineCredential(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] CredentialTier Tier,
    [property: Id(3)] string FrameworkId,
    [property: Id(4)] string CriteriaNarrative,
    [property: Id(5)] Rubric Rubric,
    [property: Id(6)] int? ValidityDays,
    [property: Id(7)] int EvaluatorsPerAttempt,
    [property: Id(8)] CredentialRequirements? Requirements = null,
    [property: Id(9)] TrackRef? Track = null,
    [property: Id(10)] CredentialTranslations? Translations = null,
    [property: Id(11)] bool AllowsDirectAward = false);

/// <summary>A credential's name, description and criteria narrative in other languages (language maps).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-translations")]
public sealed record CredentialTranslations(
    [property: Id(0)] IReadOnlyDictionary<string, string>? Name,
    [property: Id(1)] IReadOnlyDictionary<string, string>? Description,
    [property: Id(2)] IReadOnlyDictionary<string, string>? CriteriaNarrative)
{
    public bool IsEmpty => Name is null && Description is null && CriteriaNarrative is null;
}

/// <summary>
/// A credential definition. Once published it is pinned to the framework version it assesses and carries the
/// policy document generated from its configuration.
/// </summary>
/// <param name="AssessmentPolicy">The assessment policy an admin set (null: <see cref="Domain.Assessments.AssessmentPolicy.Default"/>).</param>
/// <param name="Lifespan">The lifespan policy, once set.</param>
/// <param name="AllowsDirectAward">Direct award allowed (off by default). Left out of the approval fingerprint while off, so fingerprints of definitions from before it stay the same.</param>
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
    [property: Id(12)] DateTimeOffset? PublishedAt,
    [property: Id(13)] CredentialRequirements? Requirements = null,
    [property: Id(14)] TrackRef? Track = null,
    [property: Id(15)] CredentialTranslations? Translations = null,
    [property: Id(16)] PolicyDocument? Policy = null,
    [property: Id(17)] AssessmentPolicy? AssessmentPolicy = null,
    [property: Id(18)] LifespanPolicy? Lifespan = null,
    [property: Id(19), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool AllowsDirectAward = false)
{
    public CredentialRequirements EffectiveRequirements => Requirements ?? CredentialRequirements.None;
}
