namespace CertGrid.Domain.Evaluators;

/// <summary>
/// Why an evaluator may not review a learner. The foundation rule is that nobody reviews themselves:
/// an evaluator linked to the learner's record, or sharing their email, is excluded.
/// </summary>
public static class ConflictOfInterest
{
    /// <summary>Returns the reason the candidate is conflicted, or null when they are independent.</summary>
    public static string? Find(EvaluatorCandidate candidate, AssessedParty learner)
    {
        if (candidate.LinkedLearnerId == learner.LearnerId)
        {
            return "is the learner";
        }

        if (string.Equals(candidate.Email, learner.Email, StringComparison.OrdinalIgnoreCase))
        {
            return "shares the learner's email address";
        }

        return null;
    }
}
