using CertGrid.Domain.Audit;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Assessments;
using CertGrid.Grains.Notices.Email;

namespace CertGrid.Grains.Appeals;

/// <summary>The appeal panel's reminders: an evaluator whose review is still open is emailed once before its deadline.</summary>
public sealed partial class AppealGrain
{
    public async Task ReviewReminderDueAsync(string evaluatorId)
    {
        if (!RecordExists)
        {
            return;
        }

        if (ReviewDeadlines.SeatToRemind(AppealSeats.Deadlines(this.GetPrimaryKeyString(), State), evaluatorId) is { DueAt: { } due } seat)
        {
            State.RemindedSeats.Add(ReviewDeadlines.SeatKey(seat));
            if (Now < due) // a reminder dispatched late, after the deadline, is dropped: the overdue email follows instead
            {
                Cause(new SendNoticeEmail(AssessmentEmails.ReviewDueSoon(Community, Key.Id, evaluatorId, Achievement, seat.AssignedAt, due)));
                await CommitAsync(AuditEvent(Actors.System, "appeal.review-reminded", Key.Id, new { evaluatorId, assignedAt = seat.AssignedAt, seat.DueAt }));
                return;
            }
        }

        await CommitAsync(); // a reminder it no longer waits for is cancelled
    }
}
