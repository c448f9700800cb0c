using System.Security.Cryptography;
using System.Text;
using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Assessments;

namespace CertGrid.Grains.Assessments;

/// <summary>Builds the view of an attempt from its state; feedback is built once the attempt is decided.</summary>
internal static class AttemptViews
{
    public static AttemptView From(string id, AttemptState state)
    {
        var policy = state.EffectivePolicy;
        var feedback = state.Status == AttemptStatus.UnderReview || state.Verdict is null
            ? null
            : FeedbackBuilder.Build(state.Rubric, state.Reviews.Select(r => ((IReadOnlyList<CriterionScore>)r.Scores, r.OverallNote)).ToList(), state.DecidedLevels, state.Verdict.Reason);
        return new AttemptView(
            id, state.LearnerId, state.DefinitionId, state.Status, state.Evidence.ToList(), state.Panel.ToList(), state.Reviews.ToList(),
            state.Verdict, state.CredentialId, state.SubmittedAt, state.DecidedAt,
            Pseudonym(id), policy.BlindReview, state.Reflections.ToList(), policy.ReflectivePrompts.ToList(), state.FormerSeats.ToList(),
            state.LeadEvaluatorId, feedback, state.AppealId, state.AppealOutcome, state.DefinitionName);
    }

    /// <summary>The name evaluators see under blind review: stable for the attempt, derived from nothing about the learner.</summary>
    public static string Pseudonym(string attemptId) =>
        "Candidate " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(attemptId)))[..6];
}
