namespace CertGrid.Domain.Assessments;

/// <summary>Where an attempt stands once its reviews are weighed.</summary>
public enum ConsensusOutcome
{
    /// <summary>Not every assigned evaluator has reviewed yet.</summary>
    AwaitingReviews,
    /// <summary>The panel agrees the evidence meets the standard.</summary>
    Passed,
    /// <summary>The panel agrees it does not.</summary>
    Failed,
    /// <summary>The panel disagrees: one more independent evaluator must review.</summary>
    NeedsAnotherReviewer,
    /// <summary>The panel disagrees beyond what more evaluators may settle: the lead evaluator closes a consensus discussion with a decision.</summary>
    NeedsDiscussion,
}
