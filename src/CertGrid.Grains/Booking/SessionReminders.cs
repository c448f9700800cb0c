using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Booking;

namespace CertGrid.Grains.Booking;

/// <summary>
/// Keeps the community's deadline bucket holding exactly the session reminders still to send: one deadline per upcoming
/// booking, in the bucket's single reminder, never an Orleans reminder per booking. The calendar records what it
/// scheduled, so the sync is idempotent and the next change or reminder resumes it after a failure.
/// </summary>
internal static class SessionReminders
{
    /// <summary>Brings the bucket in line with the calendar; true when the calendar's record of it changed.</summary>
    public static async Task<bool> SyncAsync(IDeadlineBucketGrain bucket, string community, BookingCalendarState state, DateTimeOffset now)
    {
        var wanted = state.Bookings.Values.Where(b => b.Status == BookingStatus.Booked && b.ReminderSentAt is null && b.StartsAt > now).ToDictionary(b => b.Id);
        var changed = false;
        foreach (var booking in wanted.Values.Where(b => !state.ScheduledReminders.Contains(b.Id)))
        {
            await bucket.ScheduleAsync(new ScheduledDeadline(DeadlineKind.SessionReminder, community, booking.Id, booking.ReminderDueAt));
            state.ScheduledReminders.Add(booking.Id);
            changed = true;
        }

        foreach (var id in state.ScheduledReminders.Where(id => !wanted.ContainsKey(id)).ToList())
        {
            await bucket.CancelAsync(DeadlineKind.SessionReminder, community, id);
            state.ScheduledReminders.Remove(id);
            changed = true;
        }

        return changed;
    }

    /// <summary>When to remind: the policy's hours before the session, or now if that has passed.</summary>
    public static DateTimeOffset DueAt(SessionSlot slot, int hoursBefore, DateTimeOffset now)
    {
        var at = BookingRules.ReminderAt(slot.StartsAt, hoursBefore);
        return at < now ? now : at;
    }
}
