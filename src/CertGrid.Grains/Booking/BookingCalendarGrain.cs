using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Booking;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Booking;

/// <summary>
/// A community's live-session calendar. All slots and bookings are in one grain, which handles one request at a time:
/// two learners racing for a slot, or one learner racing for two slots, are decided here in order, so a slot is never
/// booked twice and booking limits hold. Outside checks (policy, conflicts of interest) run before anything changes.
/// Reminders before sessions go through the community's deadline bucket, never one reminder per booking.
/// </summary>
public sealed class BookingCalendarGrain(
    [PersistentState("calendar", StorageNames.GrainStore)] IPersistentState<BookingCalendarState> state)
    : DurableGrain<BookingCalendarState>(state), IBookingCalendarGrain
{
    public const int MaxSlotsPerRequest = 50;

    /// <summary>Slots and bookings that ended this long ago are dropped from the calendar (their audit entries stay).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    protected override string Community => this.GetPrimaryKeyString();

    private SessionParticipants Participants => new(GrainFactory, Community);

    public async Task<IReadOnlyList<SessionSlot>> PublishSlotsAsync(string evaluatorId, IReadOnlyList<NewSessionSlot> slots, string actor)
    {
        var requested = InputRules.RequireCount(slots, "input.slots", 1, MaxSlotsPerRequest);
        var created = new List<SessionSlot>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var slot = requested[i];
            BookingRules.CheckSlot(slot.StartsAt, slot.DurationMinutes, Now, $"input.slots[{i}]");
            var (definition, policy) = await Participants.CredentialAsync(slot.DefinitionId, $"input.slots[{i}].credentialId");
            await Participants.RequireCanAssessAsync(evaluatorId, definition, policy, slot.StartsAt);
            var clash = State.Slots.Values.Where(s => s.EvaluatorId == evaluatorId && !s.Withdrawn).Concat(created)
                .FirstOrDefault(s => BookingRules.Overlaps(s.StartsAt, s.DurationMinutes, slot.StartsAt, slot.DurationMinutes));
            if (clash is not null)
            {
                throw CertGridException.Conflict($"Slot {i + 1} overlaps your slot at {RetakeRulesFormat(clash.StartsAt)} ({clash.Id}).");
            }

            created.Add(new SessionSlot(EntityId.New(IdPrefixes.SessionSlot), evaluatorId, definition.Id, slot.StartsAt, slot.DurationMinutes, null, false));
        }

        Prune();
        created.ForEach(s => State.Slots[s.Id] = s);
        return await SaveAnsweringAsync(created, AuditEvent(actor, "session.slots-published", evaluatorId, new { slots = created.Select(s => new { s.Id, credentialId = s.DefinitionId, s.StartsAt, s.DurationMinutes }) }));
    }

    public async Task<SessionSlot> WithdrawSlotAsync(string slotId, BookingActor by, string reason)
    {
        var slot = RequireSlot(slotId);
        if (!by.IsAdmin && by.EvaluatorId != slot.EvaluatorId)
        {
            throw CertGridException.Forbidden("Only the slot's evaluator or an admin can withdraw it.");
        }

        var why = InputRules.RequireText(reason, "reason", 1000);
        if (!slot.Withdrawn)
        {
            var events = new List<AuditEvent>();
            if (slot.BookingId is { } bookingId)
            {
                events.Add(CancelBooking(State.Bookings[bookingId], by.Actor, $"the slot was withdrawn: {why}"));
            }

            State.Slots[slotId] = slot = slot with { Withdrawn = true, BookingId = null };
            events.Add(AuditEvent(by.Actor, "session.slot-withdrawn", slotId, new { slot.EvaluatorId, reason = why }));
            await SaveAnsweringAsync(slot, [.. events]);
            await SyncRemindersAsync();
        }

        return slot;
    }

    public async Task<SessionBooking> BookAsync(string learnerId, string slotId)
    {
        var slot = RequireSlot(slotId);
        var (definition, policy) = await Participants.CredentialAsync(slot.DefinitionId, "slotId");
        await Participants.RequireIndependentAsync(learnerId, slot.EvaluatorId, policy, Now);
        RequireBookable(slot, learnerId, policy.Booking.MaxActiveBookings, ignoring: null);

        var booking = new SessionBooking(EntityId.New(IdPrefixes.Booking), slot.Id, learnerId, slot.EvaluatorId, slot.DefinitionId, slot.StartsAt, slot.DurationMinutes,
            BookingStatus.Booked, Now, 0, SessionReminders.DueAt(slot, policy.Booking.ReminderHoursBefore, Now), null, null, null);
        State.Bookings[booking.Id] = booking;
        State.Slots[slot.Id] = slot with { BookingId = booking.Id };
        await SaveAnsweringAsync(booking, AuditEvent(Actors.Learner(learnerId), "session.booked", booking.Id, new { slotId, slot.EvaluatorId, credentialId = definition.Id, slot.StartsAt }));
        await SyncRemindersAsync();
        return booking;
    }

    public async Task<SessionBooking> CancelAsync(string bookingId, BookingActor by, string? reason)
    {
        var booking = RequireBooking(bookingId);
        if (by.LearnerId != booking.LearnerId && by.EvaluatorId != booking.EvaluatorId && !by.IsAdmin)
        {
            throw CertGridException.Forbidden("Only the learner who booked, the session's evaluator or an admin can cancel a booking.");
        }

        if (booking.Status == BookingStatus.Cancelled)
        {
            return booking;
        }

        string? why;
        if (by.LearnerId == booking.LearnerId)
        {
            var (_, policy) = await Participants.CredentialAsync(booking.DefinitionId, "bookingId");
            BookingRules.CheckChangeAllowed(booking.StartsAt, policy.Booking.ChangeCutoffHours, Now, "cancelled");
            why = InputRules.OptionalText(reason, "reason", 1000);
        }
        else
        {
            why = InputRules.RequireText(reason, "reason", 1000);
        }

        var cancelled = CancelBooking(booking, by.Actor, why);
        var answer = await SaveAnsweringAsync(State.Bookings[bookingId], cancelled);
        await SyncRemindersAsync();
        return answer;
    }

    public async Task<SessionBooking> RescheduleAsync(string bookingId, string learnerId, string newSlotId)
    {
        var booking = RequireBooking(bookingId);
        if (booking.LearnerId != learnerId)
        {
            throw CertGridException.Forbidden("Only the learner who booked a session can reschedule it.");
        }

        if (booking.Status != BookingStatus.Booked)
        {
            throw CertGridException.Conflict("This booking was cancelled; book a new session instead.");
        }

        var slot = RequireSlot(newSlotId);
        if (slot.DefinitionId != booking.DefinitionId)
        {
            throw CertGridException.Invalid("slotId", "A session can only move to another slot of the same credential.");
        }

        var (_, policy) = await Participants.CredentialAsync(booking.DefinitionId, "bookingId");
        BookingRules.CheckChangeAllowed(booking.StartsAt, policy.Booking.ChangeCutoffHours, Now, "rescheduled");
        if (booking.Reschedules >= policy.Booking.MaxReschedules)
        {
            throw CertGridException.Policy($"A booking can be rescheduled at most {policy.Booking.MaxReschedules} time(s); cancel it and book again instead.");
        }

        await Participants.RequireIndependentAsync(learnerId, slot.EvaluatorId, policy, Now);
        RequireBookable(slot, learnerId, int.MaxValue, ignoring: bookingId);

        var moved = booking with
        {
            SlotId = slot.Id, EvaluatorId = slot.EvaluatorId, StartsAt = slot.StartsAt, DurationMinutes = slot.DurationMinutes,
            Reschedules = booking.Reschedules + 1, ReminderDueAt = SessionReminders.DueAt(slot, policy.Booking.ReminderHoursBefore, Now), ReminderSentAt = null,
        };
        State.Slots[booking.SlotId] = State.Slots[booking.SlotId] with { BookingId = null };
        State.Slots[slot.Id] = slot with { BookingId = bookingId };
        State.Bookings[bookingId] = moved;
        State.ScheduledReminders.Remove(bookingId);
        await SaveAnsweringAsync(moved, AuditEvent(Actors.Learner(learnerId), "session.rescheduled", bookingId, new { from = booking.SlotId, to = slot.Id, slot.StartsAt, moved.Reschedules }));
        await SyncRemindersAsync();
        return moved;
    }

    public Task<IReadOnlyList<SessionSlot>> ListSlotsAsync(string? definitionId, string? evaluatorId, DateTimeOffset? from, bool onlyFree) =>
        Task.FromResult<IReadOnlyList<SessionSlot>>(State.Slots.Values
            .Where(s => !s.Withdrawn && s.StartsAt >= (from ?? Now) && (definitionId is null || s.DefinitionId == definitionId) && (evaluatorId is null || s.EvaluatorId == evaluatorId))
            .Where(s => !onlyFree || s.BookingId is null)
            .OrderBy(s => s.StartsAt).ToList());

    public Task<IReadOnlyList<SessionBooking>> ListBookingsAsync(string? learnerId, string? evaluatorId) =>
        Task.FromResult<IReadOnlyList<SessionBooking>>(State.Bookings.Values
            .Where(b => (learnerId is null || b.LearnerId == learnerId) && (evaluatorId is null || b.EvaluatorId == evaluatorId))
            .OrderBy(b => b.StartsAt).ToList());

    public async Task SessionReminderDueAsync(string bookingId)
    {
        if (State.Bookings.TryGetValue(bookingId, out var booking) && booking.Status == BookingStatus.Booked && booking.ReminderSentAt is null && booking.ReminderDueAt <= Now)
        {
            State.Bookings[bookingId] = booking with { ReminderSentAt = Now };
            Cause(new SendNoticeEmail(NoticeEmail.SessionReminder(Community, bookingId, booking.LearnerId, booking.StartsAt, booking.DurationMinutes)));
            await SaveAsync(AuditEvent(Actors.System, "session.reminder-sent", bookingId, new { booking.LearnerId, booking.EvaluatorId, booking.StartsAt }));
        }

        await SyncRemindersAsync();
    }

    /// <summary>CONFLICT if the slot is gone, taken, or clashes with the learner's other sessions; POLICY_VIOLATION over the limit.</summary>
    private void RequireBookable(SessionSlot slot, string learnerId, int maxActive, string? ignoring)
    {
        if (slot.Withdrawn || slot.StartsAt <= Now)
        {
            throw CertGridException.Conflict("This slot is no longer available (withdrawn or already started).");
        }

        if (slot.BookingId is not null)
        {
            throw CertGridException.Conflict("This slot was just booked by someone else; choose another.");
        }

        var active = State.Bookings.Values.Where(b => b.LearnerId == learnerId && b.Id != ignoring && b.Status == BookingStatus.Booked && b.StartsAt.AddMinutes(b.DurationMinutes) > Now).ToList();
        if (active.Count(b => b.DefinitionId == slot.DefinitionId) >= maxActive)
        {
            throw CertGridException.Policy($"You already hold {maxActive} upcoming session(s) for this credential, the most its policy allows; cancel or reschedule one instead.");
        }

        var clash = active.FirstOrDefault(b => BookingRules.Overlaps(b.StartsAt, b.DurationMinutes, slot.StartsAt, slot.DurationMinutes));
        if (clash is not null)
        {
            throw CertGridException.Conflict($"You already have a session at that time ({clash.Id}, {RetakeRulesFormat(clash.StartsAt)}).");
        }
    }

    private AuditEvent CancelBooking(SessionBooking booking, string actor, string? reason)
    {
        State.Bookings[booking.Id] = booking with { Status = BookingStatus.Cancelled, CancelledAt = Now, CancelReason = reason };
        if (State.Slots.TryGetValue(booking.SlotId, out var slot) && slot.BookingId == booking.Id)
        {
            State.Slots[slot.Id] = slot with { BookingId = null };
        }

        return AuditEvent(actor, "session.cancelled", booking.Id, new { booking.LearnerId, booking.EvaluatorId, booking.StartsAt, reason });
    }

    private async Task SyncRemindersAsync()
    {
        try
        {
            if (await SessionReminders.SyncAsync(GrainFactory.GetGrain<IDeadlineBucketGrain>(Community), Community, State, Now))
            {
                await SaveAsync();
            }
        }
        catch (Exception ex) when (ex is not CertGridException { Code: ErrorCode.Unavailable })
        {
            Logger.LogWarning(ex, "Session reminders of {Community} are not in sync yet; the next change retries", Community);
        }
    }

    private void Prune()
    {
        var cutoff = Now - Retention;
        foreach (var slot in State.Slots.Values.Where(s => s.StartsAt.AddMinutes(s.DurationMinutes) < cutoff).ToList())
        {
            State.Slots.Remove(slot.Id);
        }

        foreach (var booking in State.Bookings.Values.Where(b => b.StartsAt.AddMinutes(b.DurationMinutes) < cutoff).ToList())
        {
            State.Bookings.Remove(booking.Id);
        }
    }

    private SessionSlot RequireSlot(string slotId) =>
        State.Slots.GetValueOrDefault(slotId) ?? throw CertGridException.NotFound("Session slot", slotId);

    private SessionBooking RequireBooking(string bookingId) =>
        State.Bookings.GetValueOrDefault(bookingId) ?? throw CertGridException.NotFound("Booking", bookingId);

    private static string RetakeRulesFormat(DateTimeOffset at) => Domain.Assessments.RetakeRules.Format(at);
}
