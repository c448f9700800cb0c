using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Progress;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Resources;

namespace CertGrid.Abstractions.Progress;

/// <summary>What one evaluator said about one criterion (evaluators stay anonymous to the learner).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.review-criterion-feedback")]
public sealed record ReviewCriterionFeedback(
    [property: Id(0)] string CriterionCode,
    [property: Id(1)] string Level,
    [property: Id(2)] string? Note);

/// <summary>One review of an attempt as feedback to the learner.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.review-feedback")]
public sealed record ReviewFeedback(
    [property: Id(0)] int Percent,
    [property: Id(1)] bool Passed,
    [property: Id(2)] string? OverallNote,
    [property: Id(3)] IReadOnlyList<ReviewCriterionFeedback> Criteria);

/// <summary>An attempt with its outcome and the feedback of its reviews.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.attempt-progress")]
public sealed record AttemptProgress(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] AttemptStatus Status,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] DateTimeOffset? DecidedAt,
    [property: Id(4)] IReadOnlyList<ReviewFeedback> Feedback);

/// <summary>A learner's progress on one credential they pursue.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.credential-progress")]
public sealed record CredentialProgress(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] string Name,
    [property: Id(2)] CredentialTier Tier,
    [property: Id(3)] CredentialProgressPlan Plan,
    [property: Id(4)] IReadOnlyList<AttemptProgress> Attempts,
    [property: Id(5)] IReadOnlyList<Resource> Resources,
    [property: Id(6)] string? HeldCredentialId,
    [property: Id(7)] IReadOnlyDictionary<string, string>? NameTranslations);

/// <summary>Everything a learner needs to see about the credentials they pursue, in one answer.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-progress")]
public sealed record LearnerProgressInfo(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string LearnerName,
    [property: Id(2)] DateTimeOffset ComputedAt,
    [property: Id(3)] IReadOnlyList<CredentialProgress> Credentials,
    [property: Id(4)] IReadOnlyList<DemonstratedCompetency> Competencies);

/// <summary>
/// Computes a learner's progress from their record, credentials (read model), attempts, cohorts, the credential
/// definitions and the resource library. Everything it reads is bounded by one learner's history.
/// Key: the community id.
/// </summary>
public interface ILearnerProgressGrain : IGrainWithStringKey
{
    /// <summary>
    /// Progress on the credentials the learner pursues: those they attempted, hold, or that their cohorts include,
    /// plus any named in <paramref name="definitionIds"/>.
    /// </summary>
    Task<LearnerProgressInfo> GetAsync(string learnerId, IReadOnlyList<string>? definitionIds);
}
