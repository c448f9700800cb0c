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
}
