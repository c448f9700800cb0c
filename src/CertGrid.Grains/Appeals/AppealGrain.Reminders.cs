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

        if (ReviewDeadlines.TakeReminder(AppealSeats.Deadlines(this.GetPrimaryKeyString(), State), evaluatorId, State.RemindedSeats, Now) is { DueAt: { } due } seat)
        {
            Cause(new SendNoticeEmail(AssessmentEmails.ReviewDueSoon(Community, Key.Id, evaluatorId, Achievement, seat.AssignedAt, due)));
            await CommitAsync(AuditEvent(Actors.System, "appeal.review-reminded", Key.Id, new { evaluatorId, assignedAt = seat.AssignedAt, seat.DueAt }));
            return;
        }

        await CommitAsync(); // the seat recorded as reminded (a late reminder is not sent), or a reminder it no longer waits for cancelled
    }
}
