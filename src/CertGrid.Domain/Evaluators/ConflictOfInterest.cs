namespace CertGrid.Domain.Evaluators;

/// <summary>
/// Why an evaluator may not review a learner. Nobody reviews themselves (an evaluator linked to the learner's record,
/// or sharing their email); beyond that, nobody from the learner's organisation (when the credential says so), nobody
/// the learner has a declared relationship with (mentor, sponsor, colleague, ... — as an evaluator or through their
/// linked learner record), no cohort-mate, and nobody excluded for this panel (recused, overdue, reviewed an earlier
/// failed attempt, or on the original panel of an appeal).
/// </summary>
public static class ConflictOfInterest
{
    /// <summary>The identity rule alone: returns why the candidate is the learner, or null.</summary>
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

    /// <summary>Every rule: returns the reason the candidate is conflicted, or null when they are independent.</summary>
    public static string? Find(EvaluatorCandidate candidate, AssessedParty learner, ConflictContext context)
    {
        if (Find(candidate, learner) is { } identity)
        {
            return identity;
        }

        var excluded = context.Excluded.FirstOrDefault(e => e.EvaluatorId == candidate.EvaluatorId);
        if (excluded is not null)
        {
            return excluded.Reason;
        }

        var asEvaluator = Relationships.PersonRef.Evaluator(candidate.EvaluatorId);
        var asLearner = candidate.LinkedLearnerId is { } linked ? Relationships.PersonRef.Learner(linked) : null;
        var related = context.Relationships.FirstOrDefault(r => r.Person == asEvaluator || (asLearner is not null && r.Person == asLearner));
        if (related is not null)
        {
            return $"has a declared relationship with the learner ({related.Kind.ToString().ToLowerInvariant()})";
        }

        if (candidate.LinkedLearnerId is { } mate && context.CohortMateLearnerIds.Contains(mate))
        {
            return "is in a cohort with the learner";
        }

        if (context.ExcludeSameOrganisation && SameOrganisation(candidate.Organisation, learner.Organisation))
        {
            return "is from the learner's organisation";
        }

        return null;
    }

    public static bool SameOrganisation(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
