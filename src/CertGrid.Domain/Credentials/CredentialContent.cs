using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Credentials;

/// <summary>The issuer as it appears in a credential (an Open Badges Profile).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.issuer-profile")]
public sealed record IssuerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Url,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Description,
    [property: Id(5)] string? ImageUrl = null);

/// <summary>A competency the achievement aligns to, in the framework version it was assessed against.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.competency-alignment")]
public sealed record CompetencyAlignment(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string FrameworkUrl,
    [property: Id(3)] string FrameworkName);

/// <summary>What the learner achieved on one rubric criterion (the panel's consensus level).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-result")]
public sealed record CriterionResult(
    [property: Id(0)] string CriterionCode,
    [property: Id(1)] string Level);

/// <summary>A committed artifact offered as evidence, identified by its hash.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evidence-item")]
public sealed record EvidenceItem(
    [property: Id(0)] string Url,
    [property: Id(1)] string Name,
    [property: Id(2)] string Sha256,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes);

/// <summary>Everything needed to write an Open Badges 3.0 AchievementCredential document.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-content")]
public sealed record CredentialContent(
    [property: Id(0)] string CredentialUrl,
    [property: Id(1)] IssuerProfile Issuer,
    [property: Id(2)] string AchievementUrl,
    [property: Id(3)] string AchievementName,
    [property: Id(4)] string AchievementDescription,
    [property: Id(5)] CredentialTier Tier,
    [property: Id(6)] string CriteriaNarrative,
    [property: Id(7)] IReadOnlyList<CompetencyAlignment> Alignments,
    [property: Id(8)] Rubric Rubric,
    [property: Id(9)] IReadOnlyList<CriterionResult> Results,
    [property: Id(10)] IReadOnlyList<EvidenceItem> Evidence,
    [property: Id(11)] string HolderEmail,
    [property: Id(12)] string IdentitySalt,
    [property: Id(13)] DateTimeOffset ValidFrom,
    [property: Id(14)] DateTimeOffset? ValidUntil,
    [property: Id(15)] string? AchievementImageUrl = null);
