using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Practice;

namespace CertGrid.Abstractions.Practice;

/// <summary>A learner's diagnostic self-assessment against a credential's rubric.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.self-assessment")]
public sealed record SelfAssessment(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] IReadOnlyList<CriterionScore> Scores,
    [property: Id(2)] string? Note);

/// <summary>
/// A practice session: the learner's self-assessment and, optionally, a mentor's practice review of it. It never
/// counts as an attempt: no panel, no decision, no credential, no retake budget.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.practice-session")]
public sealed record PracticeSession(
    [property: Id(0)] string Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] IReadOnlyList<CriterionScore> SelfScores,
    [property: Id(4)] string? SelfNote,
    [property: Id(5)] double SelfPercent,
    [property: Id(6)] DateTimeOffset CompletedAt,
    [property: Id(7)] string? MentorEvaluatorId,
    [property: Id(8)] DateTimeOffset? MentorRequestedAt,
    [property: Id(9)] IReadOnlyList<EvidenceRef> Evidence,
    [property: Id(10)] IReadOnlyList<CriterionScore>? MentorScores,
    [property: Id(11)] string? MentorNote,
    [property: Id(12)] double? MentorPercent,
    [property: Id(13)] DateTimeOffset? MentorReviewedAt);

/// <summary>A practice review a mentor was asked for (the mentor's to-do list).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.practice-request")]
public sealed record PracticeRequest(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] DateTimeOffset RequestedAt,
    [property: Id(4)] bool Reviewed);

/// <summary>
/// A learner's diagnostic and practice assessments: self-assessments against a rubric, practice reviews by a declared
/// mentor, and the readiness report they add up to. Key: <c>{community}/{learnerId}</c>.
/// </summary>
public interface ILearnerPracticeGrain : IGrainWithStringKey
{
    /// <summary>Records a self-assessment of every criterion of a published credential. POLICY_VIOLATION for an unpublished one.</summary>
    Task<PracticeSession> SelfAssessAsync(SelfAssessment command);

    /// <summary>
    /// Asks a mentor for a practice review of a session, optionally with portfolio evidence. POLICY_VIOLATION unless the
    /// evaluator is the learner's declared mentor; CONFLICT if the session already has a mentor.
    /// </summary>
    Task<PracticeSession> RequestMentorReviewAsync(string sessionId, string mentorEvaluatorId, IReadOnlyList<string> artifactIds);

    /// <summary>The mentor's practice review. FORBIDDEN for anyone but the requested mentor; CONFLICT twice.</summary>
    Task<PracticeSession> SubmitMentorReviewAsync(string sessionId, string evaluatorId, IReadOnlyList<CriterionScore> scores, string? note);

    [ReadOnly]
    Task<PracticeSession> GetAsync(string sessionId);

    /// <summary>The learner's sessions, newest first, optionally for one credential.</summary>
    [ReadOnly]
    Task<IReadOnlyList<PracticeSession>> ListAsync(string? definitionId);

    /// <summary>Weak criteria and estimated score from the latest self-assessment and mentor review of a credential.</summary>
    [ReadOnly]
    Task<ReadinessReport> GetReadinessAsync(string definitionId);

    /// <summary>When the learner completed diagnostic self-assessments of a credential (retake remediation reads this).</summary>
    [ReadOnly]
    Task<IReadOnlyList<DateTimeOffset>> DiagnosticsCompletedAsync(string definitionId);

    /// <summary>Erases every practice session, self-assessment note, mentor review and evidence reference of the learner (their erasure); idempotent.</summary>
    Task EraseAsync();
}
