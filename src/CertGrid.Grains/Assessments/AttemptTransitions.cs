using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Evaluators;

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

    /// <summary>Records a submission taken in by <see cref="AttemptIntake"/>: the panel it staffed starts reviewing now.</summary>
    public static void Submit(AttemptState state, Submission submission, DateTimeOffset now)
    {
        var definition = submission.Definition;
        state.LearnerId = submission.Learner.LearnerId;
        state.Learner = submission.Learner;
        state.DefinitionId = definition.Id;
        state.DefinitionName = definition.Name;
        state.Rubric = definition.Rubric;
        state.Policy = submission.Policy;
        state.PanelSize = definition.EvaluatorsPerAttempt;
        state.RequiredReviews = definition.EvaluatorsPerAttempt;
        state.Evidence = submission.Evidence.ToList();
        state.Reflections = submission.Reflections.ToList();
        state.Panel = InitialPanel(submission.Staffing).Select(a => Seat(state, a, now)).ToList();
        state.Status = AttemptStatus.UnderReview;
        state.SubmittedAt = now;
        state.AttemptNumber = submission.AttemptNumber;
        state.Cohort = submission.Cohort;
    }

    /// <summary>
    /// Every evaluator the pool holds for the attempt: those it picked now and, when the submission is a retry, those it
    /// picked for an earlier run whose attempt was never stored (its silo died between the two writes). The pool keeps a
    /// panel per attempt and only adds what is missing, so a retry finds the panel full; without its earlier members the
    /// attempt would be stored with nobody to review it while their seats stay taken.
    /// </summary>
    public static IReadOnlyList<EvaluatorAssignment> InitialPanel(PanelStaffing staffing) =>
        [.. staffing.Members.Select(id => staffing.Added.FirstOrDefault(a => a.EvaluatorId == id) ?? new EvaluatorAssignment(id, "assigned to this attempt when it was first submitted"))];

    /// <summary>A seat taken now, due within the policy's review deadline (if any).</summary>
    public static PanelSeat Seat(AttemptState state, EvaluatorAssignment assignment, DateTimeOffset now) =>
        new(assignment.EvaluatorId, assignment.Reason, now, ReviewDeadlines.DueAt(state.EffectivePolicy.ReviewDeadlineDays, now));

    /// <summary>Evaluators who left the panel (recused, or missed the deadline); never assigned to it again.</summary>
    public static IEnumerable<ExcludedEvaluator> Exclusions(AttemptState state) => state.FormerSeats.Select(f =>
        new ExcludedEvaluator(f.EvaluatorId, f.Why == SeatRelease.Overdue ? "missed the review deadline on this attempt" : "recused from this attempt"));

    /// <summary>What the <c>attempt.decided</c> audit event records.</summary>
    public static object DecisionDetails(AttemptState state, ConsensusVerdict verdict, string how, string? rationale) => new
    {
        outcome = state.Status.ToString(), how, verdict.MeanPercent, verdict.Reason, rationale, state.CredentialId, levels = state.DecidedLevels,
        reviews = state.Reviews.Select(r => new { r.EvaluatorId, r.Score.Percent, r.Score.Passed }),
    };

    /// <summary>Records the decision; a pass gets the id of the credential it issues (known to the client at once).</summary>
    public static void Decide(AttemptState state, bool passed, DateTimeOffset now, string? credentialId = null)
    {
        state.Status = passed ? AttemptStatus.Passed : AttemptStatus.Failed;
        state.DecidedAt = now;
        state.CredentialId = passed ? credentialId ?? EntityId.New(IdPrefixes.Credential) : null;
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
    public static bool ApplyAppealOutcome(
        AttemptState state, string attemptId, string appealId, AppealOutcome outcome, string reason, IReadOnlyList<CriterionResult> levels, string? credentialId, DateTimeOffset now)
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
            Decide(state, passed: true, now, credentialId);
            state.DecidedLevels = levels.ToList();
            state.Verdict = state.Verdict! with { Outcome = ConsensusOutcome.Passed, Reason = $"Overturned on appeal {appealId}: {reason}" };
        }

        return true;
    }
}
