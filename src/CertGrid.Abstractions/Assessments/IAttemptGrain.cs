using CertGrid.Domain.Appeals;
using CertGrid.Domain.Credentials;

namespace CertGrid.Abstractions.Assessments;

/// <summary>
/// One assessment attempt: submission, panel, reviews, decision, and on a pass the credential.
/// Key: <c>{community}/{attemptId}</c>.
/// </summary>
public interface IAttemptGrain : IGrainWithStringKey
{
    /// <summary>
    /// Submits evidence against a published credential and assigns the panel. POLICY_VIOLATION for an
    /// unpublished credential; VALIDATION_FAILED for uncommitted or unknown artifacts.
    /// </summary>
    Task<AttemptView> SubmitAsync(SubmitAttempt command);

    /// <summary>The attempt, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<AttemptView> GetAsync();

    /// <summary>
    /// Records an assigned evaluator's review and, when the panel is complete, decides. FORBIDDEN for an
    /// evaluator not on the panel; CONFLICT for a second review by the same evaluator.
    /// </summary>
    Task<AttemptView> SubmitReviewAsync(SubmitReview command);

    /// <summary>
    /// An assigned evaluator steps down before reviewing, with a reason (audited); the seat is reassigned to another
    /// independent evaluator. FORBIDDEN off the panel; CONFLICT once they reviewed or the attempt is decided.
    /// </summary>
    Task<AttemptView> RecuseAsync(string evaluatorId, string reason);

    /// <summary>
    /// The deadline bucket's call when an evaluator's review deadline passed: if the review is still open and overdue,
    /// the seat is reassigned and the miss counted against the evaluator. One-way: the bucket never waits for attempts.
    /// </summary>
    [OneWay]
    Task ReviewDeadlinePassedAsync(string evaluatorId);

    /// <summary>
    /// The deadline bucket's call when an evaluator's review is due soon: if their seat is still open and unreviewed (and
    /// they were not reminded of it yet), they are emailed a reminder of the deadline. One-way: the bucket never waits for attempts.
    /// </summary>
    [OneWay]
    Task ReviewReminderDueAsync(string evaluatorId);

    /// <summary>
    /// The check after a submission whose write storage could not confirm: when no attempt was stored, its panel and the
    /// learner's reservation are released (a client's retry under its Idempotency-Key would reserve them again); either
    /// way the check is done. One-way, from the deadline bucket.
    /// </summary>
    [OneWay]
    Task SettleUnconfirmedSubmissionAsync(string learnerId);

    /// <summary>The deadline bucket's periodic call while the panel has an empty seat: tries to fill it again. One-way.</summary>
    [OneWay]
    Task FillEmptySeatsAsync();

    /// <summary>
    /// The consensus discussion's call once it was closed with a decision (by its lead, or by an admin); the discussion
    /// checks who may close it, and the attempt records the lead at that time. Idempotent.
    /// </summary>
    Task<AttemptView> DecideAfterDiscussionAsync(DiscussionDecision decision);

    /// <summary>
    /// Records that the learner appeals this decision. FORBIDDEN for another learner; POLICY_VIOLATION unless the
    /// attempt failed and the credential's appeal window is open; CONFLICT if it was already appealed. Idempotent per appeal.
    /// </summary>
    Task<AppealContext> BeginAppealAsync(string appealId, string learnerId);

    /// <summary>Withdraws an appeal that could not be filed (no independent appeal panel), so the learner can try again.</summary>
    Task ForgetAppealAsync(string appealId);

    /// <summary>
    /// The appeal's outcome: upheld leaves the decision; overturned passes the attempt and issues the credential, linked
    /// to the appeal, with the appeal panel's levels, under <paramref name="credentialId"/> (chosen by the appeal when it
    /// decided, so both know it at once; a new id if none is given). Idempotent.
    /// </summary>
    Task<AttemptView> ApplyAppealOutcomeAsync(string appealId, AppealOutcome outcome, string reason, IReadOnlyList<CriterionResult> levels, string? credentialId = null);

    /// <summary>
    /// Erases the learner's personal data from the attempt (their erasure): reflections, contact data, evidence titles and
    /// file names, and the reviewers' notes about them. Scores, levels and the decision stay. Idempotent.
    /// </summary>
    Task EraseLearnerDataAsync();

    /// <summary>The learner's email or organisation was rectified: conflict-of-interest checks use the new values. Idempotent.</summary>
    Task RectifyLearnerAsync(string email, string? organisation);
}
