using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// One attempt from submission to decision (and appeal). Every step is stored with its audit events and what it causes
/// elsewhere (<see cref="AttemptEffects"/>: the learner's history, the credential, the panel's load, the deadline bucket)
/// in one write, and those effects are applied after it and retried until done, so a restart mid-flow loses nothing.
/// Panels are staffed through <see cref="PanelRequests"/> under the policy the attempt was submitted with; review
/// deadlines live in the community's deadline bucket (<see cref="ReviewDeadlines"/>).
/// </summary>
public sealed partial class AttemptGrain(
    [PersistentState("attempt", StorageNames.GrainStore)] IPersistentState<AttemptState> state)
    : DurableGrain<AttemptState>(state), IAttemptGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private IEvaluatorPoolGrain Pool => GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community);

    public async Task<AttemptView> SubmitAsync(SubmitAttempt command)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Attempt '{Key.Id}' was already submitted.");
        }

        var submission = await AttemptIntake.TakeAsync(GrainFactory, Key, command, Now);
        var (party, definition, policy) = (submission.Learner, submission.Definition, submission.Policy);
        AttemptTransitions.Submit(State, submission, Now);

        AuditEvent[] events =
        [
            AuditEvent(Actors.Learner(party.LearnerId), "attempt.submitted", Key.Id, new
            {
                learnerId = party.LearnerId,
                credentialId = definition.Id,
                evidence = submission.Evidence.Select(e => new { e.ArtifactId, e.Version.Version, e.Version.Sha256 }),
                reflections = submission.Reflections.Select(r => new { r.PromptCode, words = ReflectionRules.CountWords(r.Text), r.Text }),
                policy.BlindReview,
            }),
            .. AttemptTransitions.InitialPanel(submission.Staffing).Select(a => AssignmentEvent(a, "initial panel", submission.Staffing.PassedOver)),
        ];
        Cause(AttemptEffects.Submitted(Key, State));
        try
        {
            await CommitAsync(events);
        }
        catch (CertGridException)
        {
            // The write may have stored the attempt and lost only its answer: the panel and the learner's reservation
            // are released only when storage says there is no attempt. Otherwise they stay held for it (and for the
            // client's retry under its Idempotency-Key, which reaches this attempt and reserves the same ones again).
            if (await CertainlyNeverStoredAsync())
            {
                await AttemptIntake.ReleaseAsync(GrainFactory, Key, party.LearnerId);
            }
            else
            {
                Logger.LogWarning("Attempt {Attempt} in {Community} may have been stored although its write failed; its panel stays held until checked", Key.Id, Community);
                await ScheduleSettlementAsync(party.LearnerId);
            }

            throw;
        }

        return AttemptViews.From(Key.Id, State);
    }

    public Task<AttemptView> GetAsync()
    {
        RequireExists();
        return Task.FromResult(AttemptViews.From(Key.Id, State));
    }

    public async Task<AttemptView> SubmitReviewAsync(SubmitReview command)
    {
        RequireOpenSeat(command.EvaluatorId, "review");

        // Everything that can fail happens before the state changes.
        var score = RubricScoring.Score(State.Rubric, command.Scores, "input.scores");
        var overall = InputRules.OptionalText(command.OverallNote, "input.overallNote", InputRules.NoteMaxLength);
        var review = new Review(command.EvaluatorId, command.Scores.ToList(), overall, score, Now);
        var verdict = ConsensusRule.Decide([.. State.Reviews.Select(r => r.Score), score], State.RequiredReviews, State.Rubric.PassThresholdPercent,
            State.EffectivePolicy.Consensus, State.PanelSize - State.RequiredReviews);

        State.Reviews.Add(review);
        State.Verdict = verdict;
        Cause(AttemptEffects.Reviewed(Key, review));
        var events = new List<AuditEvent>
        {
            AuditEvent(Actors.Evaluator(command.EvaluatorId), "review.submitted", Key.Id, new
            {
                score.Percent, score.Passed, scores = review.Scores, overallNote = overall,
            }),
        };
        switch (verdict.Outcome)
        {
            case ConsensusOutcome.Passed or ConsensusOutcome.Failed:
                events.Add(Decide(verdict.Outcome == ConsensusOutcome.Passed, verdict, Actors.System, "consensus rule"));
                break;
            case ConsensusOutcome.NeedsAnotherReviewer:
                State.PanelSize++;
                events.Add(AuditEvent(Actors.System, "attempt.escalated", Key.Id, new { verdict.Reason, verdict.MeanPercent }));
                break;
            case ConsensusOutcome.NeedsDiscussion:
                State.LeadEvaluatorId = State.Panel.OrderBy(s => s.AssignedAt).First().EvaluatorId;
                Cause(AttemptEffects.DiscussionOpened(Key, State));
                events.Add(AuditEvent(Actors.System, "attempt.discussion-opened", Key.Id, new { verdict.Reason, verdict.MeanPercent, leadEvaluatorId = State.LeadEvaluatorId }));
                break;
        }

        await CommitAsync([.. events]);
        await FillPanelAsync();
        return AttemptViews.From(Key.Id, State);
    }

    public async Task<AttemptView> DecideAfterDiscussionAsync(DiscussionDecision decision)
    {
        RequireExists();
        if (State.Status != AttemptStatus.UnderReview && State.LeadEvaluatorId is not null)
        {
            return AttemptViews.From(Key.Id, State);
        }

        if (!State.InDiscussion)
        {
            throw CertGridException.Conflict("This attempt has no open consensus discussion to decide.");
        }

        // Only the discussion calls this, after checking who may close it (the lead may have passed on, or an admin closed it).
        State.LeadEvaluatorId = decision.LeadEvaluatorId;
        State.DecidedLevels = decision.Levels?.ToList();
        var by = decision.DecidedBy is null ? "the lead evaluator after a consensus discussion" : "a community admin who closed the consensus discussion";
        var verdict = new ConsensusVerdict(decision.Passed ? ConsensusOutcome.Passed : ConsensusOutcome.Failed, State.Verdict!.MeanPercent,
            $"Decided by {by}: {decision.Rationale}");
        State.Verdict = verdict;
        await CommitAsync(Decide(decision.Passed, verdict, decision.DecidedBy ?? Actors.Evaluator(decision.LeadEvaluatorId), "consensus discussion", decision.Rationale));
        return AttemptViews.From(Key.Id, State);
    }

    /// <summary>Stores the change with its effects, and keeps the deadline bucket in line with the panel's open seats.</summary>
    private Task CommitAsync(params AuditEvent[] events)
    {
        if (ReviewDeadlines.Sync(ReviewDeadlines.ForAttempt(Key.ToString(), State), State.ScheduledDeadlines, Now) is { } sync)
        {
            Cause(sync);
        }

        return events.Length > 0 || HasUnstoredEffects ? SaveAsync(events) : Task.CompletedTask;
    }

    private AuditEvent Decide(bool passed, ConsensusVerdict verdict, string actor, string how, string? rationale = null)
    {
        AttemptTransitions.Decide(State, passed, Now);
        Cause(AttemptEffects.Decided(Key, State));
        return AuditEvent(actor, "attempt.decided", Key.Id, AttemptTransitions.DecisionDetails(State, verdict, how, rationale));
    }

    private void RequireOpenSeat(string evaluatorId, string what)
    {
        RequireExists();
        AttemptTransitions.RequireOpenSeat(State, evaluatorId, what);
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Attempt", Key.Id);
        }
    }
}
