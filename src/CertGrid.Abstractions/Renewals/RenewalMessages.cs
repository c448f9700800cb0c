using CertGrid.Domain.Renewals;

namespace CertGrid.Abstractions.Renewals;

/// <summary>What the credential hands over when it starts being tracked.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.track-credential")]
public sealed record TrackCredential(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] string AchievementName,
    [property: Id(3)] string AttemptId,
    [property: Id(4)] DateTimeOffset ValidFrom,
    [property: Id(5)] DateTimeOffset? ValidUntil,
    [property: Id(6)] string? ReplacesCredentialId);

/// <summary>Renewal evidence the holder offers: exactly one of a portfolio artifact or a reassessment attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.submit-renewal-evidence")]
public sealed record SubmitRenewalEvidence(
    [property: Id(0)] string? ArtifactId,
    [property: Id(1)] string? AttemptId);

/// <summary>A tracked credential's lifespan.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-view")]
public sealed record RenewalView(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] string AchievementName,
    [property: Id(4)] RenewalStage Stage,
    [property: Id(5)] RenewalTimeline Timeline,
    [property: Id(6)] RenewalMilestone Reached,
    [property: Id(7)] DateTimeOffset? NextDeadline,
    [property: Id(8)] LifespanPolicy? Policy,
    [property: Id(9)] RenewalEvidenceSubmission? Evidence,
    [property: Id(10)] string? ReplacesCredentialId,
    [property: Id(11)] string? RenewedByCredentialId,
    [property: Id(12)] DateTimeOffset? RenewedAt);
