namespace CertGrid.Domain.Renewals;

/// <summary>Where offered renewal evidence stands.</summary>
public enum EvidenceStatus
{
    /// <summary>Offered and waiting for an admin.</summary>
    InReview,
    /// <summary>An admin accepted it: the evidence requirement is met.</summary>
    Accepted,
    /// <summary>An admin rejected it, with a reason; the holder may offer other evidence.</summary>
    Rejected,
}

/// <summary>
/// Renewal evidence a learner offered: a portfolio artifact (a frozen version, by hash) that an admin accepts
/// or rejects, or a passed reassessment attempt (accepted when offered, since its panel already decided).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-evidence-submission")]
public sealed record RenewalEvidenceSubmission(
    [property: Id(0)] RenewalEvidence Kind,
    [property: Id(1)] string? ArtifactId,
    [property: Id(2)] string? ArtifactSha256,
    [property: Id(3)] string? AttemptId,
    [property: Id(4)] string? AttemptCredentialId,
    [property: Id(5)] EvidenceStatus Status,
    [property: Id(6)] string? Reason,
    [property: Id(7)] DateTimeOffset SubmittedAt,
    [property: Id(8)] string? ReviewedBy = null,
    [property: Id(9)] DateTimeOffset? ReviewedAt = null);
