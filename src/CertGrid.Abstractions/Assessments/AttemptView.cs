using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Programs;

namespace CertGrid.Abstractions.Assessments;

/// <summary>A learner's submission of evidence for a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.submit-attempt")]
public sealed record SubmitAttempt(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] IReadOnlyList<string> ArtifactIds,
    [property: Id(3)] IReadOnlyList<ReflectionAnswer>? Reflections = null);

/// <summary>An evaluator's rubric scores for an attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.submit-review")]
public sealed record SubmitReview(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] IReadOnlyList<CriterionScore> Scores,
    [property: Id(2)] string? OverallNote);

/// <summary>Where an attempt is in its lifecycle.</summary>
public enum AttemptStatus
{
    /// <summary>Submitted; the panel has not decided yet.</summary>
    UnderReview,
    /// <summary>The panel decided it meets the rubric; a credential is issued.</summary>
    Passed,
    /// <summary>The panel decided it does not meet the rubric; the learner may appeal or retake under the policy.</summary>
    Failed,
}

/// <summary>An evaluator on an attempt's panel.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-seat")]
public sealed record PanelSeat(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset AssignedAt,
    [property: Id(3)] DateTimeOffset? DueAt = null);

/// <summary>An evaluator who left the panel before reviewing: recused, or reassigned after missing the deadline.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.former-seat")]
public sealed record FormerSeat(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] DateTimeOffset AssignedAt,
    [property: Id(2)] DateTimeOffset LeftAt,
    [property: Id(3)] SeatRelease Why,
    [property: Id(4)] string Reason);

/// <summary>A submitted review with its score.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.review")]
public sealed record Review(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] IReadOnlyList<CriterionScore> Scores,
    [property: Id(2)] string? OverallNote,
    [property: Id(3)] ReviewScore Score,
    [property: Id(4)] DateTimeOffset SubmittedAt);

/// <summary>An attempt with its evidence, panel, reviews and decision.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.attempt-view")]
public sealed record AttemptView(
    [property: Id(0)] string Id,
    [property: Id(1)] string LearnerId,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] AttemptStatus Status,
    [property: Id(4)] IReadOnlyList<EvidenceRef> Evidence,
    [property: Id(5)] IReadOnlyList<PanelSeat> Panel,
    [property: Id(6)] IReadOnlyList<Review> Reviews,
    [property: Id(7)] ConsensusVerdict? Verdict,
    [property: Id(8)] string? CredentialId,
    [property: Id(9)] DateTimeOffset SubmittedAt,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] string LearnerPseudonym = "",
    [property: Id(12)] bool BlindReview = false,
    [property: Id(13)] IReadOnlyList<ReflectionAnswer>? Reflections = null,
    [property: Id(14)] IReadOnlyList<ReflectivePrompt>? ReflectivePrompts = null,
    [property: Id(15)] IReadOnlyList<FormerSeat>? FormerSeats = null,
    [property: Id(16)] string? LeadEvaluatorId = null,
    [property: Id(17)] AttemptFeedback? Feedback = null,
    [property: Id(18)] string? AppealId = null,
    [property: Id(19)] AppealOutcome? AppealOutcome = null,
    [property: Id(20)] string DefinitionName = "");

/// <summary>What the lead evaluator (or an admin) records to close a consensus discussion.</summary>
/// <param name="LeadEvaluatorId">The lead evaluator when the discussion closed.</param>
/// <param name="Levels">The level decided on each criterion (all of them), or none to keep the panel's lower median.</param>
/// <param name="DecidedBy">The admin actor who closed it instead of the lead; null when the lead closed it.</param>
[GenerateSerializer, Immutable, Alias("certgrid.discussion-decision")]
public sealed record DiscussionDecision(
    [property: Id(0)] string LeadEvaluatorId,
    [property: Id(1)] bool Passed,
    [property: Id(2)] string Rationale,
    [property: Id(3)] IReadOnlyList<CriterionResult>? Levels,
    [property: Id(4)] string? DecidedBy = null);

/// <summary>What an appeal needs from the attempt it appeals: the learner, the rubric and policy, the evidence, and who decided.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.appeal-context")]
public sealed record AppealContext(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] AssessedParty Learner,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] string DefinitionName,
    [property: Id(4)] Rubric Rubric,
    [property: Id(5)] AssessmentPolicy Policy,
    [property: Id(6)] IReadOnlyList<EvidenceRef> Evidence,
    [property: Id(7)] IReadOnlyList<string> OriginalEvaluatorIds,
    [property: Id(8)] int PanelSize,
    [property: Id(9)] string LearnerPseudonym,
    [property: Id(10)] DateTimeOffset DecidedAt);
