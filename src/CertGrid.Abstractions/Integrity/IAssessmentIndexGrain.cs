using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Practice;

namespace CertGrid.Abstractions.Integrity;

/// <summary>One submission of an artifact hash: which learner, in which attempt, as which artifact.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evidence-submission")]
public sealed record EvidenceSubmission(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string AttemptId,
    [property: Id(2)] string ArtifactId,
    [property: Id(3)] DateTimeOffset SubmittedAt);

/// <summary>The same artifact bytes (by SHA-256) submitted as evidence by different learners.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.duplicate-evidence")]
public sealed record DuplicateEvidence(
    [property: Id(0)] string Sha256,
    [property: Id(1)] IReadOnlyList<EvidenceSubmission> Submissions,
    [property: Id(2)] DateTimeOffset FlaggedAt);

/// <summary>
/// The assessment read models partitioned by community (artifact hashes, duplicate-evidence flags, mentors' practice
/// requests, appeals), read on any silo. Key: the community id.
/// </summary>
public interface IAssessmentIndexGrain : IGrainWithStringKey
{
    /// <summary>Indexes an attempt's evidence by hash and flags (and audits) a hash submitted by more than one learner. Idempotent.</summary>
    Task RecordEvidenceAsync(string attemptId, string learnerId, DateTimeOffset submittedAt, IReadOnlyList<EvidenceRef> evidence);

    Task<Page<DuplicateEvidence>> ListDuplicateEvidenceAsync(PageRequest page);

    Task<Page<PracticeRequest>> ListPracticeRequestsAsync(string evaluatorId, PageRequest page);

    Task<Page<AppealView>> ListAppealsAsync(PageRequest page);
}
