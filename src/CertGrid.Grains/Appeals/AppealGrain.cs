using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Appeals;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Evaluators;
using CertGrid.Grains.Assessments;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Evaluators;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Appeals;

/// <summary>
/// An appeal of a failed attempt. Filing asks the attempt to record it (one appeal per decision, inside the window),
/// then staffs a new panel that excludes every evaluator of the original decision under the credential's conflict rules.
/// When the appeal panel has reviewed, the outcome goes back to the attempt (an effect of the decision), which issues the
/// credential on an overturn under the id the appeal chose. Every step is audited.
/// </summary>
public sealed partial class AppealGrain(
    [PersistentState("appeal", StorageNames.GrainStore)] IPersistentState<AppealState> state,
    StorageClients storage)
    : DurableGrain<AppealState>(state), IAppealGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private IEvaluatorPoolGrain Pool => GrainFactory.GetGrain<IEvaluatorPoolGrain>(Community);

    public async Task<AppealView> FileAsync(FileAppeal command)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Appeal '{Key.Id}' was already filed.");
        }

        var justification = InputRules.RequireText(command.Justification, "input.justification", InputRules.NoteMaxLength, AppealRules.MinJustificationLength);
        var attemptId = EntityId.Require(command.AttemptId, IdPrefixes.Attempt, "input.attemptId");
        var learnerGrain = GrainFactory.Learner(Community, command.LearnerId);
        var evidence = await learnerGrain.ResolveEvidenceAsync(command.ArtifactIds);
        var attempt = GrainFactory.Attempt(Community, attemptId);
        var context = await attempt.BeginAppealAsync(Key.Id, command.LearnerId);

        PanelStaffing staffing;
        try
        {
            var request = await PanelRequests.BuildAsync(GrainFactory, Community, Key.Id, context.Learner, context.DefinitionId, context.Rubric, context.Policy,
                AppealSeats.Exclusions(context.OriginalEvaluatorIds, []), context.PanelSize, allowPartial: false, Now);
            staffing = await Pool.AssignPanelAsync(request);
        }
        catch (CertGridException)
        {
            await attempt.ForgetAppealAsync(Key.Id);
            throw;
        }

        State.AttemptId = attemptId;
        State.LearnerId = context.LearnerId;
        State.Learner = context.Learner;
        State.DefinitionId = context.DefinitionId;
        State.DefinitionName = context.DefinitionName;
        State.Rubric = context.Rubric;
        State.Policy = context.Policy;
        State.Justification = justification;
        State.Evidence = evidence.ToList();
        State.OriginalEvidence = context.Evidence.ToList();
        State.OriginalEvaluatorIds = context.OriginalEvaluatorIds.ToList();
        State.PanelSize = context.PanelSize;
        State.Panel = staffing.Added.Select(Seat).ToList();
        State.Outcome = AppealOutcome.Pending;
        State.FiledAt = Now;
        State.LearnerPseudonym = context.LearnerPseudonym;
        Cause(new SendNoticeEmail(AssessmentEmails.AppealFiled(Community, Key.Id, State.LearnerId, State.DefinitionName, Now)));
        await CommitAsync(
        [
            AuditEvent(Actors.Learner(context.LearnerId), "appeal.filed", Key.Id, new
            {
                attemptId, justification, evidence = evidence.Select(e => new { e.ArtifactId, e.Version.Version, e.Version.Sha256 }),
                decidedAt = context.DecidedAt,
            }),
            .. staffing.Added.Select(a => AssignedEvent(a, "appeal panel", staffing.PassedOver)),
        ]);
        return ToView();
    }

    public Task<AppealView> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToView());
    }

    public async Task<AppealView> SubmitReviewAsync(SubmitReview review)
    {
        RequireOpenSeat(review.EvaluatorId, "review");

        var score = RubricScoring.Score(State.Rubric, review.Scores, "input.scores");
        var overall = InputRules.OptionalText(review.OverallNote, "input.overallNote", InputRules.NoteMaxLength);
        State.Reviews.Add(new Review(review.EvaluatorId, review.Scores.ToList(), overall, score, Now));
        var events = new List<AuditEvent>
        {
            AuditEvent(Actors.Evaluator(review.EvaluatorId), "appeal.reviewed", Key.Id, new { score.Percent, score.Passed, scores = review.Scores, overallNote = overall }),
        };
        var outcome = AppealRules.Decide(State.Reviews.Select(r => r.Score).ToList(), State.PanelSize);
        if (outcome != AppealOutcome.Pending)
        {
            State.Outcome = outcome;
            State.Reason = AppealRules.Explain(State.Reviews.Select(r => r.Score).ToList(), outcome);
            State.DecidedAt = Now;
            State.CredentialId = outcome == AppealOutcome.Overturned ? EntityId.New(IdPrefixes.Credential) : null;
            var levels = CriterionConsensus.Levels(State.Rubric, State.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList());
            Cause(new ApplyAppealOutcome(State.AttemptId, Key.Id, outcome, State.Reason, levels, State.CredentialId));
            Cause(new ReleasePanel(Key.Id));
            events.Add(AuditEvent(Actors.System, "appeal.decided", Key.Id, new
            {
                outcome = outcome.ToString(), State.Reason, State.AttemptId, reviews = State.Reviews.Select(r => new { r.EvaluatorId, r.Score.Percent, r.Score.Passed }),
            }));
        }

        await CommitAsync([.. events]);
        return ToView();
    }

    public async Task<AppealView> RecuseAsync(string evaluatorId, string reason)
    {
        RequireOpenSeat(evaluatorId, "recuse from");
        var why = InputRules.RequireText(reason, "input.reason", 1000, minLength: 10);
        await VacateSeatAsync(evaluatorId, SeatRelease.Recused, why, Actors.Evaluator(evaluatorId));
        return ToView();
    }

    public async Task ReviewDeadlinePassedAsync(string evaluatorId)
    {
        var seat = RecordExists ? State.Panel.FirstOrDefault(s => s.EvaluatorId == evaluatorId) : null;
        if (seat?.DueAt is { } due && due <= Now && State.Outcome == AppealOutcome.Pending && State.Reviews.All(r => r.EvaluatorId != evaluatorId))
        {
            await VacateSeatAsync(evaluatorId, SeatRelease.Overdue, $"missed the appeal review deadline of {RetakeRules.Format(due)}", Actors.System);
        }
        else if (RecordExists)
        {
            await CommitAsync(); // a deadline it no longer waits for is cancelled
        }
    }

    public async Task FillEmptySeatsAsync()
    {
        if (RecordExists)
        {
            await FillSeatsAsync();
            await CommitAsync();
        }
    }

    /// <summary>Takes an evaluator off the appeal panel and refills the seat; the pool counts the miss or recusal against them.</summary>
    private async Task VacateSeatAsync(string evaluatorId, SeatRelease why, string reason, string actor)
    {
        var seat = State.Panel.Single(s => s.EvaluatorId == evaluatorId);
        var request = await RefillRequestAsync(new ExcludedEvaluator(evaluatorId, reason));
        var staffing = await Pool.ReleaseSeatAsync(evaluatorId, why, request);

        State.Panel.Remove(seat);
        State.FormerSeats.Add(new FormerSeat(evaluatorId, seat.AssignedAt, Now, why, reason));
        if (why == SeatRelease.Overdue)
        {
            Cause(new SendNoticeEmail(AssessmentEmails.ReviewOverdue(Community, Key.Id, evaluatorId, Achievement, seat.DueAt ?? Now)));
        }

        var added = PanelRequests.NewAssignments(staffing, State.Panel);
        State.Panel.AddRange(added.Select(Seat));
        var left = why == SeatRelease.Overdue ? "missed the deadline" : "recused";
        await CommitAsync(
        [
            AuditEvent(actor, why == SeatRelease.Overdue ? "appeal.review-overdue" : "appeal.recused", Key.Id, new { evaluatorId, reason, assignedAt = seat.AssignedAt, seat.DueAt }),
            .. added.Select(a => AssignedEvent(a, $"replaces {evaluatorId}, who {left}", staffing.PassedOver)),
        ]);
    }

    /// <summary>Staffs seats still empty; what it cannot fill waits for the empty-seat retry in the deadline bucket.</summary>
    private async Task FillSeatsAsync()
    {
        if (State.Outcome != AppealOutcome.Pending || State.Panel.Count >= State.PanelSize)
        {
            return;
        }

        try
        {
            var staffing = await Pool.AssignPanelAsync(await RefillRequestAsync());
            var added = PanelRequests.NewAssignments(staffing, State.Panel);
            if (added.Count > 0)
            {
                State.Panel.AddRange(added.Select(Seat));
                await CommitAsync([.. added.Select(a => AssignedEvent(a, "a seat was empty", staffing.PassedOver))]);
            }
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Staffing appeal {Appeal} in {Community} failed; the empty-seat retry tries again", Key.Id, Community);
        }
    }

    /// <summary>Stores the change with its effects, and keeps the deadline bucket in line with the panel's open seats.</summary>
    private Task CommitAsync(params AuditEvent[] events)
    {
        if (ReviewDeadlines.Sync(AppealSeats.Deadlines(this.GetPrimaryKeyString(), State), State.ScheduledDeadlines, Now) is { } sync)
        {
            Cause(sync);
        }

        return events.Length > 0 || HasUnstoredEffects ? SaveAsync(events) : Task.CompletedTask;
    }

    private Task<PanelRequest> RefillRequestAsync(params ExcludedEvaluator[] also) => PanelRequests.BuildAsync(
        GrainFactory, Community, Key.Id, State.Learner!, State.DefinitionId, State.Rubric, State.Policy,
        [.. AppealSeats.Exclusions(State.OriginalEvaluatorIds, State.FormerSeats), .. also], State.PanelSize, allowPartial: true, Now);

    private PanelSeat Seat(EvaluatorAssignment assignment) =>
        new(assignment.EvaluatorId, assignment.Reason, Now, ReviewDeadlines.DueAt(State.Policy.ReviewDeadlineDays, Now));

    /// <summary>An evaluator's seat on the appeal panel: its audit event, and the email that tells them what to review by when.</summary>
    private AuditEvent AssignedEvent(EvaluatorAssignment assignment, string why, string passedOver)
    {
        Cause(AttemptEffects.ReviewAssigned(Community, Key.Id, assignment.EvaluatorId, Achievement, Now, ReviewDeadlines.DueAt(State.Policy.ReviewDeadlineDays, Now)));
        return AuditEvent(Actors.System, "appeal.assigned", Key.Id, new { assignment.EvaluatorId, assignment.Reason, why, excludedOriginalPanel = State.OriginalEvaluatorIds, passedOver });
    }

    /// <summary>What the appeal's emails name: the credential appealed for (its id on appeals filed before its name was kept).</summary>
    private string Achievement => State.DefinitionName is { Length: > 0 } name ? name : State.DefinitionId;

    protected override Task ProjectAsync() =>
        storage.ReadModel(storage.Names.AssessmentsTable).UpsertAsync(AppealRow.From(Community, ToView()));

    private void RequireOpenSeat(string evaluatorId, string what)
    {
        RequireExists();
        AppealSeats.RequireOpenSeat(State, evaluatorId, what);
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Appeal", Key.Id);
        }
    }

    private AppealView ToView() => new(
        Key.Id, State.AttemptId, State.LearnerId, State.DefinitionId, State.Justification, State.Evidence.ToList(), State.OriginalEvidence.ToList(),
        State.Panel.ToList(), State.Reviews.ToList(), State.Outcome, State.Reason, State.FiledAt, State.DecidedAt, State.CredentialId,
        State.LearnerPseudonym, State.Policy.BlindReview, State.FormerSeats.ToList());
}
