namespace CertGrid.Abstractions.Learners;

/// <summary>A learner: profile, portfolio of evidence, attempts and credentials. Key: <c>{community}/{learnerId}</c>.</summary>
public interface ILearnerGrain : IGrainWithStringKey
{
    /// <summary>Enrols the learner. CONFLICT if already enrolled.</summary>
    Task<LearnerProfile> EnrolAsync(EnrolLearner command, string actor);

    /// <summary>The profile, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<LearnerProfile> GetAsync();

    /// <summary>The profile, or null when no such learner is enrolled.</summary>
    [ReadOnly]
    Task<LearnerProfile?> FindAsync();

    /// <summary>Checks the declared file against the artifact policy and returns a short-lived upload URL.</summary>
    Task<ArtifactUploadTicket> RequestArtifactUploadAsync(RequestArtifactUpload command);

    /// <summary>
    /// Verifies the uploaded blob server-side (size, content type, SHA-256) and records it as a new version.
    /// Idempotent for a version already committed.
    /// </summary>
    Task<PortfolioArtifact> CommitArtifactAsync(string artifactId, int version);

    [ReadOnly]
    Task<IReadOnlyList<PortfolioArtifact>> GetPortfolioAsync();

    /// <summary>The latest committed version of each artifact, for an attempt to cite. VALIDATION_FAILED if one is uncommitted or unknown.</summary>
    [ReadOnly]
    Task<IReadOnlyList<EvidenceRef>> ResolveEvidenceAsync(IReadOnlyList<string> artifactIds);

    /// <summary>Adds an attempt to the learner's record. Idempotent.</summary>
    Task RecordAttemptAsync(LearnerAttempt attempt);

    /// <summary>Adds an issued credential to the learner's record. Idempotent.</summary>
    Task RecordCredentialAsync(string credentialId);

    /// <summary>Adds a cohort the learner joined to their record (cohort-mates are a conflict of interest). Idempotent.</summary>
    Task RecordCohortAsync(string cohortId);

    [ReadOnly]
    Task<LearnerRecord> GetRecordAsync();

    /// <summary>Rewrites the learner's rows in the cohort progress read model (after one of their credentials changed).</summary>
    Task RefreshProgressAsync();
}
