using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.Assessments;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Evaluators;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Analytics;
using CertGrid.Grains.Notices.Email;

namespace CertGrid.Grains.Assessments;

/// <summary>The attempt's panel: seats vacated (recused, overdue) and refilled, empty seats staffed under its policy.</summary>
public sealed partial class AttemptGrain
{
    public async Task<AttemptView> RecuseAsync(string evaluatorId, string reason)
    {
        RequireOpenSeat(evaluatorId, "recuse from");
        var why = InputRules.RequireText(reason, "input.reason", 1000, minLength: 10);
        await VacateSeatAsync(evaluatorId, SeatRelease.Recused, why, Actors.Evaluator(evaluatorId));
        return AttemptViews.From(Key.Id, State);
    }

    public async Task ReviewDeadlinePassedAsync(string evaluatorId)
    {
        var seat = RecordExists ? State.Panel.FirstOrDefault(s => s.EvaluatorId == evaluatorId) : null;
        if (seat?.DueAt is { } due && due <= Now && State.Status == AttemptStatus.UnderReview && !State.InDiscussion && State.Reviews.All(r => r.EvaluatorId != evaluatorId))
        {
            await VacateSeatAsync(evaluatorId, SeatRelease.Overdue, $"missed the review deadline of {RetakeRules.Format(due)}", Actors.System);
        }
        else if (RecordExists)
        {
            await CommitAsync(); // a deadline it no longer waits for is cancelled
        }
    }

    public async Task ReviewReminderDueAsync(string evaluatorId)
    {
        if (!RecordExists)
        {
            return;
        }

        if (ReviewDeadlines.TakeReminder(ReviewDeadlines.ForAttempt(Key.ToString(), State), evaluatorId, State.RemindedSeats, Now) is { DueAt: { } due } seat)
        {
            Cause(new SendNoticeEmail(AssessmentEmails.ReviewDueSoon(Community, Key.Id, evaluatorId, State.DefinitionName, seat.AssignedAt, due)));
            await CommitAsync(AuditEvent(Actors.System, "review.reminded", Key.Id, new { evaluatorId, assignedAt = seat.AssignedAt, seat.DueAt }));
            return;
        }

        await CommitAsync(); // the seat recorded as reminded (a late reminder is not sent), or a reminder it no longer waits for cancelled
    }

    public async Task FillEmptySeatsAsync()
    {
        if (RecordExists)
        {
            await FillPanelAsync();
            await CommitAsync();
        }
    }

    /// <summary>Takes an evaluator off the panel and refills the seat; the miss or recusal is counted by the pool.</summary>
    private async Task VacateSeatAsync(string evaluatorId, SeatRelease why, string reason, string actor)
    {
        var seat = State.Panel.Single(s => s.EvaluatorId == evaluatorId);
        var former = new FormerSeat(evaluatorId, seat.AssignedAt, Now, why, reason);
        var staffing = await Pool.ReleaseSeatAsync(evaluatorId, why, await RefillRequestAsync(new ExcludedEvaluator(evaluatorId, reason)));

        State.Panel.Remove(seat);
        State.FormerSeats.Add(former);
        if (why == SeatRelease.Overdue)
        {
            Cause(AttemptAnalytics.Overdue(Key, evaluatorId, Now));
            Cause(new SendNoticeEmail(AssessmentEmails.ReviewOverdue(Community, Key.Id, evaluatorId, State.DefinitionName, seat.DueAt ?? Now)));
        }

        State.Panel.AddRange(staffing.Added.Select(Seat));
        var action = why == SeatRelease.Overdue ? "review.overdue" : "review.recused";
        await CommitAsync(
        [
            AuditEvent(actor, action, Key.Id, new { evaluatorId, reason, assignedAt = seat.AssignedAt, seat.DueAt }),
            .. staffing.Added.Select(a => AssignmentEvent(a, $"replaces {evaluatorId}, who {(why == SeatRelease.Overdue ? "missed the deadline" : "recused")}", staffing.PassedOver)),
        ]);
    }

    /// <summary>
    /// Staffs seats still empty (a panel that grew, or nobody independent was free before). What it cannot fill waits for
    /// the empty-seat retry in the deadline bucket, so a failure here never fails the change that opened the seat.
    /// </summary>
    private async Task FillPanelAsync()
    {
        if (State.Status != AttemptStatus.UnderReview || State.InDiscussion || State.Panel.Count >= State.PanelSize)
        {
            return;
        }

        try
        {
            var staffing = await Pool.AssignPanelAsync(await RefillRequestAsync());
            var assignments = PanelRequests.NewAssignments(staffing, State.Panel);
            if (assignments.Count == 0)
            {
                Logger.LogWarning("Attempt {Attempt} in {Community} waits for an independent evaluator: {PassedOver}", Key.Id, Community, staffing.PassedOver);
                return;
            }

            var why = State.Reviews.Count >= State.RequiredReviews ? "the panel disagreed" : "a seat was empty";
            State.Panel.AddRange(assignments.Select(Seat));
            await CommitAsync([.. assignments.Select(a => AssignmentEvent(a, why, staffing.PassedOver))]);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Staffing attempt {Attempt} in {Community} failed; the empty-seat retry tries again", Key.Id, Community);
        }
    }

    /// <summary>Staffs the empty seats, never with an evaluator who left this panel (nor <paramref name="also"/>).</summary>
    private Task<PanelRequest> RefillRequestAsync(params ExcludedEvaluator[] also) => PanelRequests.BuildAsync(GrainFactory, Community, Key.Id,
        State.Learner!, State.DefinitionId, State.Rubric, State.EffectivePolicy, [.. AttemptTransitions.Exclusions(State), .. also], State.PanelSize, allowPartial: true, Now);

    private PanelSeat Seat(EvaluatorAssignment assignment) => AttemptTransitions.Seat(State, assignment, Now);

    /// <summary>An evaluator's seat: its audit event, and the email that tells them what to review by when.</summary>
    private AuditEvent AssignmentEvent(EvaluatorAssignment assignment, string why, string passedOver)
    {
        Cause(AttemptEffects.ReviewAssigned(Community, Key.Id, assignment.EvaluatorId, State.DefinitionName, Now, ReviewDeadlines.DueAt(State.EffectivePolicy.ReviewDeadlineDays, Now)));
        return AuditEvent(Actors.System, "attempt.assigned", Key.Id, new { assignment.EvaluatorId, assignment.Reason, why, passedOver });
    }
}
