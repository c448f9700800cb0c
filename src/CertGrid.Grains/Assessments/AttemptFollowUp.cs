using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Integrity;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Evaluators;

namespace CertGrid.Grains.Assessments;

/// <summary>
/// What follows a stored change of an attempt, each step idempotent and retried until done: record it on the learner,
/// index its evidence, fill empty panel seats, open a consensus discussion, keep the review deadlines in the bucket, and
/// once decided issue the credential, record the outcome, free the panel and feed the divergence signals.
/// </summary>
internal sealed class AttemptFollowUp(
    IGrainFactory grains,
    ScopedKey key,
    AttemptState state,
    ILogger logger,
    Func<AuditEvent[], Task> save,
    Func<string, string, string, object, AuditEvent> auditEvent,
    Func<DateTimeOffset> now)
{
    private string Community => key.Community;

    private ILearnerGrain Learner => grains.GetGrain<ILearnerGrain>(new ScopedKey(Community, state.LearnerId).ToString());

    private IEvaluatorPoolGrain Pool => grains.GetGrain<IEvaluatorPoolGrain>(Community);

    /// <summary>Evaluators who left this attempt's panel; they are never assigned to it again.</summary>
    public static IEnumerable<ExcludedEvaluator> Exclusions(AttemptState state) => state.FormerSeats.Select(f =>
        new ExcludedEvaluator(f.EvaluatorId, f.Why == SeatRelease.Overdue ? "missed the review deadline on this attempt" : "recused from this attempt"));

    public async Task RunAsync()
    {
        var done = state.Done;
        var changed = false;
        try
        {
            if (!done.HasFlag(AttemptFollowUps.RecordedOnLearner))
            {
                await Learner.RecordAttemptAsync(new LearnerAttempt(key.Id, state.DefinitionId, state.SubmittedAt));
                done |= AttemptFollowUps.RecordedOnLearner;
            }

            if (!done.HasFlag(AttemptFollowUps.EvidenceIndexed))
            {
                await grains.GetGrain<IAssessmentIndexGrain>(Community).RecordEvidenceAsync(key.Id, state.LearnerId, state.SubmittedAt, state.Evidence);
                done |= AttemptFollowUps.EvidenceIndexed;
            }

            if (state.Status == AttemptStatus.UnderReview && !state.InDiscussion && state.Panel.Count < state.PanelSize)
            {
                await FillPanelAsync();
            }

            if (state.InDiscussion && !done.HasFlag(AttemptFollowUps.DiscussionOpened))
            {
                await grains.GetGrain<IConsensusDiscussionGrain>(key.ToString()).OpenAsync(new OpenDiscussion(
                    state.LeadEvaluatorId!, state.Panel.OrderBy(s => s.AssignedAt).Select(s => s.EvaluatorId).ToList(), state.Verdict!.Reason, state.Rubric,
                    state.EffectivePolicy.ReviewDeadlineDays));
                done |= AttemptFollowUps.DiscussionOpened;
            }

            changed |= await ReviewDeadlines.SyncAsync(grains.GetGrain<IDeadlineBucketGrain>(Community), ReviewDeadlines.ForAttempt(key.ToString(), state), state.ScheduledDeadlines, now());
            if (state.Status != AttemptStatus.UnderReview)
            {
                done = await AfterDecisionAsync(done);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Follow-up of attempt {Attempt} in {Community} is incomplete ({Done}); it resumes on the next activation", key.Id, Community, done);
        }

        if (done != state.Done || changed)
        {
            state.Done = done;
            await save([]);
        }
    }

    /// <summary>The steps after a decision. They are independent of each other (except recording a credential after issuing it), so one failing does not hold up the rest.</summary>
    private async Task<AttemptFollowUps> AfterDecisionAsync(AttemptFollowUps done)
    {
        var passed = state.Status == AttemptStatus.Passed;
        if (passed)
        {
            done = await StepAsync(done, AttemptFollowUps.CredentialIssued, () =>
            {
                var results = state.DecidedLevels ?? CriterionConsensus.Levels(state.Rubric, state.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList());
                return grains.GetGrain<ICredentialGrain>(new ScopedKey(Community, state.CredentialId!).ToString()).IssueAsync(new IssueCredential(
                    state.LearnerId, state.DefinitionId, key.Id, results, state.Evidence, AppealId: state.AppealOutcome == AppealOutcome.Overturned ? state.AppealId : null));
            });
            if (done.HasFlag(AttemptFollowUps.CredentialIssued))
            {
                done = await StepAsync(done, AttemptFollowUps.CredentialRecordedOnLearner, () => Learner.RecordCredentialAsync(state.CredentialId!));
            }
        }

        done = await StepAsync(done, AttemptFollowUps.OutcomeRecordedOnLearner, () => Learner.RecordAttemptOutcomeAsync(key.Id, passed, state.DecidedAt!.Value));
        done = await StepAsync(done, AttemptFollowUps.PanelReleased, () => Pool.ReleasePanelAsync(key.Id));
        return await StepAsync(done, AttemptFollowUps.SignalsRecorded, () => grains.GetGrain<IIntegritySignalsGrain>(Community).RecordPanelDecisionAsync(key.Id, passed,
            state.Reviews.Select(r => new PanelReviewOutcome(r.EvaluatorId, r.Score.Percent, r.Score.Passed)).ToList()));
    }

    private async Task<AttemptFollowUps> StepAsync(AttemptFollowUps done, AttemptFollowUps step, Func<Task> run)
    {
        if (done.HasFlag(step))
        {
            return done;
        }

        try
        {
            await run();
            return done | step;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Step {Step} after the decision of attempt {Attempt} in {Community} failed; it resumes on the next activation", step, key.Id, Community);
            return done;
        }
    }

    private async Task FillPanelAsync()
    {
        var request = await RequestAsync(now());
        var staffing = await Pool.AssignPanelAsync(request);
        var assignments = PanelRequests.NewAssignments(staffing, state.Panel);
        if (assignments.Count == 0)
        {
            logger.LogWarning("Attempt {Attempt} in {Community} waits for an independent evaluator: {PassedOver}", key.Id, Community, staffing.PassedOver);
            return;
        }

        var why = state.Reviews.Count >= state.RequiredReviews ? "the panel disagreed" : "a seat was empty";
        var assignedAt = now();
        state.Panel.AddRange(assignments.Select(a => new PanelSeat(a.EvaluatorId, a.Reason, assignedAt, ReviewDeadlines.DueAt(state.EffectivePolicy.ReviewDeadlineDays, assignedAt))));
        await save([.. assignments.Select(a => auditEvent(Actors.System, "attempt.assigned", key.Id, new { a.EvaluatorId, a.Reason, why, passedOver = staffing.PassedOver }))]);
    }

    private Task<PanelRequest> RequestAsync(DateTimeOffset at) => PanelRequests.BuildAsync(
        grains, Community, key.Id, state.Learner!, state.DefinitionId, state.Rubric, state.EffectivePolicy, Exclusions(state), state.PanelSize, allowPartial: true, at);
}
