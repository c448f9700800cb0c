using CertGrid.Abstractions.Assessments;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// The checks and state changes of an attempt that need no other grain: who may review or recuse, deciding, and the
/// appeal steps. The grain validates with these, then saves the change with its audit event.
/// </summary>
internal static class AttemptTransitions
{
    /// <summary>FORBIDDEN off the panel; CONFLICT once the evaluator reviewed or the attempt is decided.</summary>
    public static void RequireOpenSeat(AttemptState state, string evaluatorId, string what)
    {
        if (state.Panel.All(s => s.EvaluatorId != evaluatorId))
        {
            throw CertGridException.Forbidden($"You are not on this attempt's panel, so you cannot {what} it.");
        }

        if (state.Reviews.Any(r => r.EvaluatorId == evaluatorId))
        {
            throw CertGridException.Conflict(what == "review"
                ? "You have already reviewed this attempt; a review cannot be submitted twice."
                : "You have already reviewed this attempt, so you can no longer recuse; raise it with an admin.");
        }

        if (state.Status != AttemptStatus.UnderReview)
        {
            throw CertGridException.Conflict($"This attempt was already decided ({state.Status}).");
        }
    }

    /// <summary>Records the decision; a pass gets the id of the credential the follow-up issues.</summary>
    public static void Decide(AttemptState state, bool passed, DateTimeOffset now)
    {
        state.Status = passed ? AttemptStatus.Passed : AttemptStatus.Failed;
        state.DecidedAt = now;
        state.CredentialId = passed ? EntityId.New(IdPrefixes.Credential) : null;
    }

    /// <summary>
    /// Whether the learner may appeal now (their own failed attempt, not yet appealed, inside the window); true when this
    /// call records the appeal, false when it was already recorded under this id.
    /// </summary>
    public static bool BeginAppeal(AttemptState state, string appealId, string learnerId, DateTimeOffset now)
    {
        if (state.LearnerId != learnerId)
        {
            throw CertGridException.Forbidden("You can only appeal decisions on your own attempts.");
        }

        if (state.AppealId == appealId)
        {
            return false;
        }

        if (state.AppealId is not null)
        {
            throw CertGridException.Conflict($"This decision was already appealed ({state.AppealId}); a decision is appealed once.");
        }

        if (state.Status != AttemptStatus.Failed)
        {
            throw CertGridException.Policy(state.Status == AttemptStatus.UnderReview
                ? "This attempt is not decided yet; only a failed decision can be appealed."
                : "Only a failed decision can be appealed; this attempt passed.");
        }

        AppealRules.CheckWindow(state.EffectivePolicy.AppealWindowDays, state.DecidedAt!.Value, now);
        state.AppealId = appealId;
        return true;
    }

    public static AppealContext AppealContext(AttemptState state, string attemptId) => new(
        state.LearnerId, state.Learner!, state.DefinitionId, state.DefinitionName, state.Rubric, state.EffectivePolicy, state.Evidence.ToList(),
        state.Panel.Select(s => s.EvaluatorId).Concat(state.FormerSeats.Select(f => f.EvaluatorId)).Concat(state.Reviews.Select(r => r.EvaluatorId)).Distinct().ToList(),
        state.RequiredReviews, AttemptViews.Pseudonym(attemptId), state.DecidedAt!.Value);

    /// <summary>Applies an appeal's outcome once; an overturn passes the attempt with the appeal panel's levels. True when it changed anything.</summary>
    public static bool ApplyAppealOutcome(AttemptState state, string attemptId, string appealId, AppealOutcome outcome, string reason, IReadOnlyList<CriterionResult> levels, DateTimeOffset now)
    {
        if (state.AppealId != appealId)
        {
            throw CertGridException.Conflict($"Attempt '{attemptId}' is not under appeal '{appealId}'.");
        }

        if (state.AppealOutcome is not null || outcome == AppealOutcome.Pending)
        {
            return false;
        }

        state.AppealOutcome = outcome;
        if (outcome == AppealOutcome.Overturned)
        {
            Decide(state, passed: true, now);
            state.DecidedLevels = levels.ToList();
            state.Verdict = state.Verdict! with { Outcome = ConsensusOutcome.Passed, Reason = $"Overturned on appeal {appealId}: {reason}" };
            state.Done &= ~AttemptFollowUps.OutcomeRecordedOnLearner;
        }

        return true;
    }
}
