using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Credentials;

/// <summary>
/// What the attempt hands over to issue a credential after a pass. Automatic awards (a completed pathway, a
/// contributor badge) have no attempt: <see cref="AttemptId"/> then names the basis of the award (the pathway id, or
/// the badge rule) and <see cref="AwardedThrough"/> says so; <see cref="SupportingEvidence"/> lists what earned it.
/// A credential earned before CertGrid and imported (<c>import:{importId}</c>) carries <see cref="EarnedAt"/>: it is valid from then.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.issue-credential")]
public sealed record IssueCredential(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] string AttemptId,
    [property: Id(3)] IReadOnlyList<CriterionResult> Results,
    [property: Id(4)] IReadOnlyList<EvidenceRef> Evidence,
    [property: Id(5)] string? ReplacesCredentialId = null,
    [property: Id(6)] string? AppealId = null,
    [property: Id(7)] string? AwardedThrough = null,
    [property: Id(8)] IReadOnlyList<EvidenceItem>? SupportingEvidence = null,
    [property: Id(9)] DateTimeOffset? EarnedAt = null);

/// <summary>An issued credential: the signed VC-JWT, its JSON document (with a Data Integrity proof when the community offers one), and its current status.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.issued-credential")]
public sealed record IssuedCredential(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] string HolderName,
    [property: Id(4)] string DefinitionId,
    [property: Id(5)] string AchievementName,
    [property: Id(6)] CredentialTier Tier,
    [property: Id(7)] string AttemptId,
    [property: Id(8)] DateTimeOffset ValidFrom,
    [property: Id(9)] DateTimeOffset? ValidUntil,
    [property: Id(10)] CredentialStatus Status,
    [property: Id(11)] string? StatusReason,
    [property: Id(12)] string Jwt,
    [property: Id(13)] string DocumentJson,
    [property: Id(14)] string IssuerName,
    [property: Id(15)] string? ReplacesCredentialId = null,
    [property: Id(16)] string? ReplacedByCredentialId = null,
    [property: Id(17)] string SigningKeyId = "",
    [property: Id(18)] IReadOnlyList<EvidenceRef>? Evidence = null,
    [property: Id(19)] string? AppealId = null,
    [property: Id(20)] string? FrameworkVersion = null,
    [property: Id(21)] IReadOnlyList<CriterionResult>? Results = null,
    [property: Id(22)] string? AwardedThrough = null,
    [property: Id(23)] string? DataIntegrityJson = null,
    [property: Id(24)] CredentialProofFormat ProofFormat = CredentialProofFormat.VcJwt);
