using CertGrid.Abstractions.Privacy;
using CertGrid.Domain.Assessments;

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

    /// <summary>
    /// Like <see cref="FindAsync"/> but answered at once even while the learner is busy, so it may see a change being made
    /// (an enrolment not yet stored reads as null). For other grains' effects (an email to the learner), which must not wait
    /// on a learner whose own effects are waiting on them. Never for a decision that needs the stored state (an email claim).
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<LearnerProfile?> FindWithoutWaitingAsync();

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

    /// <summary>
    /// Publishes a URL as the learner's identity in credentials issued from now on (instead of only a salted
    /// hash of their email), or withdraws it with null.
    /// </summary>
    Task<LearnerProfile> SetPublicProfileUrlAsync(string? url);

    /// <summary>Lets anyone open an artifact's evidence links in credentials (public), or only admins and the learner.</summary>
    Task<PortfolioArtifact> SetArtifactVisibilityAsync(string artifactId, bool isPublic);

    /// <summary>
    /// A short-lived read URL of a committed artifact version, when it is public or the caller is privileged
    /// (the learner or an admin); FORBIDDEN otherwise.
    /// </summary>
    Task<Uri> OpenEvidenceAsync(string artifactId, int version, bool privileged);

    /// <summary>Adds an attempt to the learner's record. Idempotent.</summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task RecordAttemptAsync(LearnerAttempt attempt);

    /// <summary>
    /// Checks the credential's retake policy against the learner's earlier attempts of it and records the new attempt in
    /// the same step, so concurrent submissions cannot both slip under a limit. POLICY_VIOLATION saying when the learner is
    /// next eligible and what is missing. Idempotent for an attempt already recorded.
    /// </summary>
    Task ReserveAttemptAsync(LearnerAttempt attempt, RetakePolicy policy, IReadOnlyList<DateTimeOffset> diagnosticsCompletedAt, string credentialName);

    /// <summary>Removes a reserved attempt that was never submitted (its panel could not be staffed). Idempotent.</summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task ReleaseAttemptAsync(string attemptId);

    /// <summary>
    /// Records an attempt's decision (retake rules count fails) and, for a pass, the id of the credential it earned, in one
    /// write (the credential, issued after the decision, finds itself recorded already). Idempotent.
    /// </summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task RecordAttemptOutcomeAsync(string attemptId, bool passed, DateTimeOffset decidedAt, string? credentialId);

    /// <summary>Whether the learner may attempt a credential now under its retake policy.</summary>
    [ReadOnly]
    Task<RetakeEligibility> CheckRetakeAsync(string definitionId, RetakePolicy policy, IReadOnlyList<DateTimeOffset> diagnosticsCompletedAt);

    /// <summary>Adds an issued credential to the learner's record. Idempotent.</summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task RecordCredentialAsync(string credentialId);

    /// <summary>Adds a cohort the learner joined to their record (cohort-mates are a conflict of interest). Idempotent.</summary>
    Task RecordCohortAsync(string cohortId);

    [ReadOnly]
    Task<LearnerRecord> GetRecordAsync();

    /// <summary>
    /// Erases the learner's personal data everywhere CertGrid holds it (right to erasure): their profile and portfolio at
    /// once, then, as effects of the same write, artifact blobs, attempts' reflections and reviewers' notes, credentials'
    /// holder data (each credential is revoked, saying why), consents and talent profile, read-model rows, and the details
    /// of audit entries about them. Idempotent: erasing again returns the first erasure. NOT_FOUND for no such learner.
    /// </summary>
    Task<LearnerErasure> EraseAsync(string actor);

    /// <summary>Counts an activity of the learner for the retention policy (a sign-in, a CE record, renewal evidence); kept to the day. Erased or unknown learners: nothing.</summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task RecordActivityAsync();

    /// <summary>Remembers a sign-in identity linked to the learner (so their erasure unlinks it). Idempotent; erased or unknown learners: nothing.</summary>
    /// <remarks>Interleaves (called by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task RecordIdentityAsync(string identityId);

    /// <summary>
    /// The community's retention sweep found the learner inactive under <paramref name="policy"/>: erases them (as
    /// <see cref="EraseAsync"/>, audited as the retention policy's) unless their own record shows a later activity.
    /// Returns whether they were erased now.
    /// </summary>
    Task<bool> EraseIfInactiveAsync(CertGrid.Domain.Privacy.RetentionPolicy policy);

    /// <summary>
    /// Corrects the learner's name, email or organisation, and, as effects of the same write, every copy: the learner and
    /// cohort-progress rows, their credentials' holder name (the signed JWT keeps the name it was issued with; re-issue it
    /// for a new one), their attempts' contact data for conflict-of-interest checks, and the name in their talent profile.
    /// NOT_FOUND for no such learner; VALIDATION_FAILED naming the field for a bad value.
    /// </summary>
    Task<LearnerProfile> RectifyAsync(RectifyLearner command, string actor);

    /// <summary>
    /// Rewrites the learner's rows in the cohort progress read model (after one of their credentials changed). Interleaves:
    /// it only reads state and writes rows, and a credential calls it while applying an effect the learner caused
    /// (a rectified name), which would otherwise wait on the learner's own call.
    /// </summary>
    [AlwaysInterleave]
    Task RefreshProgressAsync();

    /// <summary>
    /// Whether the learner may have declared <paramref name="declaration"/>: false only when the learner knows they have
    /// not (kept since their enrolment by <see cref="NoteDeclaredAsync"/>), so the caller need not read the grain that
    /// holds it; true when they did, or when their record predates keeping it, or they are erased or unknown.
    /// </summary>
    /// <remarks>Interleaves (read by other grains' effects while this grain's own effects may be calling them: no cycle waits).</remarks>
    [ReadOnly, AlwaysInterleave]
    Task<bool> MayHaveDeclaredAsync(LearnerDeclaration declaration);

    /// <summary>
    /// The grain holding <paramref name="declaration"/> tells the learner whether it is declared: <c>true</c> before it
    /// stores a declaration, <c>false</c> after it stored a withdrawal, so that a caller who heard "not declared" read the
    /// learner before the declaration existed. Idempotent; erased or unknown learners: nothing.
    /// </summary>
    /// <remarks>Interleaves (called by grains whose effects this grain's erasure may be calling: no cycle waits).</remarks>
    [AlwaysInterleave]
    Task NoteDeclaredAsync(LearnerDeclaration declaration, bool declared);
}
