using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;

namespace CertGrid.Abstractions.Appeals;

/// <summary>A learner's appeal of a failed decision: a written justification and new evidence.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.file-appeal")]
public sealed record FileAppeal(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string AttemptId,
    [property: Id(2)] string Justification,
    [property: Id(3)] IReadOnlyList<string> ArtifactIds);

/// <summary>An appeal: what was appealed and why, the independent appeal panel, its reviews and the outcome.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.appeal-view")]
public sealed record AppealView(
    [property: Id(0)] string Id,
    [property: Id(1)] string AttemptId,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] string DefinitionId,
    [property: Id(4)] string Justification,
    [property: Id(5)] IReadOnlyList<EvidenceRef> Evidence,
    [property: Id(6)] IReadOnlyList<EvidenceRef> OriginalEvidence,
    [property: Id(7)] IReadOnlyList<PanelSeat> Panel,
    [property: Id(8)] IReadOnlyList<Review> Reviews,
    [property: Id(9)] AppealOutcome Outcome,
    [property: Id(10)] string? Reason,
    [property: Id(11)] DateTimeOffset FiledAt,
    [property: Id(12)] DateTimeOffset? DecidedAt,
    [property: Id(13)] string? CredentialId,
    [property: Id(14)] string LearnerPseudonym,
    [property: Id(15)] bool BlindReview,
    [property: Id(16)] IReadOnlyList<FormerSeat>? FormerSeats = null);

/// <summary>
/// An appeal of a failed attempt, reviewed by a new panel that excludes every evaluator of the original decision.
/// A majority passing overturns the decision and issues the credential linked to the appeal; anything else upholds it.
/// Key: <c>{community}/{appealId}</c>.
/// </summary>
public interface IAppealGrain : IGrainWithStringKey
{
    /// <summary>
    /// Files the appeal and assigns its panel. POLICY_VIOLATION outside the window, for a decision that did not fail, or
    /// without enough independent evaluators; CONFLICT if the attempt was already appealed; VALIDATION_FAILED for a short
    /// justification or evidence that is not committed.
    /// </summary>
    Task<AppealView> FileAsync(FileAppeal command);

    /// <summary>The appeal, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<AppealView> GetAsync();

    /// <summary>An appeal panel member's review; the last one decides the appeal. FORBIDDEN off the panel; CONFLICT twice.</summary>
    Task<AppealView> SubmitReviewAsync(SubmitReview review);

    /// <summary>
    /// An appeal panel member steps down before reviewing, with a reason (audited); the seat is reassigned to another
    /// independent evaluator (never one of the decision appealed). FORBIDDEN off the panel; CONFLICT once they reviewed
    /// or the appeal is decided.
    /// </summary>
    Task<AppealView> RecuseAsync(string evaluatorId, string reason);

    /// <summary>
    /// The deadline bucket's call when an appeal reviewer's deadline passed: if the review is still open and overdue, the
    /// seat is reassigned and the miss counted against the evaluator. One-way: the bucket never waits for appeals.
    /// </summary>
    [OneWay]
    Task ReviewDeadlinePassedAsync(string evaluatorId);

    /// <summary>
    /// The deadline bucket's call when an evaluator's review is due soon: if their seat is still open and unreviewed (and
    /// they were not reminded of it yet), they are emailed a reminder of the deadline. One-way: the bucket never waits for appeals.
    /// </summary>
    [OneWay]
    Task ReviewReminderDueAsync(string evaluatorId);

    /// <summary>The deadline bucket's periodic call while the appeal panel has an empty seat: tries to fill it again. One-way.</summary>
    [OneWay]
    Task FillEmptySeatsAsync();

    /// <summary>
    /// Erases the appellant's personal data from the appeal (their erasure): the grounds, contact data, evidence titles and
    /// file names, the panel's notes and the blind-review copies; scores, panel and outcome stay, pseudonymous. Idempotent.
    /// </summary>
    Task EraseLearnerDataAsync();
}
