using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Assessments;

namespace CertGrid.Abstractions.Assessments;

/// <summary>A learner's submission of evidence for a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.submit-attempt")]
public sealed record SubmitAttempt(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] IReadOnlyList<string> ArtifactIds);

/// <summary>An evaluator's rubric scores for an attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.submit-review")]
public sealed record SubmitReview(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] IReadOnlyList<CriterionScore> Scores,
    [property: Id(2)] string? OverallNote);

/// <summary>Where an attempt is in its lifecycle.</summary>
public enum AttemptStatus
{
    UnderReview,
    Passed,
    Failed,
}

/// <summary>An evaluator on an attempt's panel.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.panel-seat")]
public sealed record PanelSeat(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset AssignedAt);

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
    [property: Id(10)] DateTimeOffset? DecidedAt);
