namespace CertGrid.Abstractions.Booking;

/// <summary>A slot an evaluator offers for a live assessment session of a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.new-session-slot")]
public sealed record NewSessionSlot(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] DateTimeOffset StartsAt,
    [property: Id(2)] int DurationMinutes);

/// <summary>A published slot and, once booked, its booking.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.session-slot")]
public sealed record SessionSlot(
    [property: Id(0)] string Id,
    [property: Id(1)] string EvaluatorId,
    [property: Id(2)] string DefinitionId,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] string? BookingId,
    [property: Id(6)] bool Withdrawn);

/// <summary>Whether a booking stands.</summary>
public enum BookingStatus
{
    /// <summary>The learner holds the slot.</summary>
    Booked,
    /// <summary>Cancelled; the slot is free again.</summary>
    Cancelled,
}

/// <summary>A learner's booking of a live assessment session.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.session-booking")]
public sealed record SessionBooking(
    [property: Id(0)] string Id,
    [property: Id(1)] string SlotId,
    [property: Id(2)] string LearnerId,
    [property: Id(3)] string EvaluatorId,
    [property: Id(4)] string DefinitionId,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] int DurationMinutes,
    [property: Id(7)] BookingStatus Status,
    [property: Id(8)] DateTimeOffset BookedAt,
    [property: Id(9)] int Reschedules,
    [property: Id(10)] DateTimeOffset ReminderDueAt,
    [property: Id(11)] DateTimeOffset? ReminderSentAt,
    [property: Id(12)] DateTimeOffset? CancelledAt,
    [property: Id(13)] string? CancelReason);

/// <summary>Who changes a booking: the learner (within the credential's cut-off), the slot's evaluator, or an admin.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.booking-actor")]
public sealed record BookingActor(
    [property: Id(0)] string Actor,
    [property: Id(1)] string? LearnerId,
    [property: Id(2)] string? EvaluatorId,
    [property: Id(3)] bool IsAdmin);

/// <summary>
/// A community's live assessment sessions: evaluators' slots and learners' bookings in one calendar, so a slot is
/// never booked twice, a learner never holds overlapping sessions, and per-credential booking limits hold under
/// concurrent requests (the grain handles one booking at a time). Key: the community id.
/// </summary>
public interface IBookingCalendarGrain : IGrainWithStringKey
{
    /// <summary>An evaluator publishes slots: in the future, not overlapping their other slots, for credentials they may assess.</summary>
    Task<IReadOnlyList<SessionSlot>> PublishSlotsAsync(string evaluatorId, IReadOnlyList<NewSessionSlot> slots, string actor);

    /// <summary>The evaluator (or an admin) withdraws a slot; a booking on it is cancelled.</summary>
    Task<SessionSlot> WithdrawSlotAsync(string slotId, BookingActor by, string reason);

    /// <summary>
    /// Books a free slot. CONFLICT if it was just taken or overlaps another of the learner's sessions; POLICY_VIOLATION over
    /// the credential's active-booking limit or when the slot's evaluator has a conflict of interest with the learner.
    /// </summary>
    Task<SessionBooking> BookAsync(string learnerId, string slotId);

    /// <summary>Cancels a booking: the learner only until the credential's cut-off before the session.</summary>
    Task<SessionBooking> CancelAsync(string bookingId, BookingActor by, string? reason);

    /// <summary>Moves the learner's booking to another free slot of the same credential, within the cut-off and reschedule limit.</summary>
    Task<SessionBooking> RescheduleAsync(string bookingId, string learnerId, string newSlotId);

    /// <summary>Slots from a time on (null: now), optionally of one credential or evaluator, optionally only free ones.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SessionSlot>> ListSlotsAsync(string? definitionId, string? evaluatorId, DateTimeOffset? from, bool onlyFree);

    /// <summary>Bookings of a learner or of an evaluator's slots (both null: all, for admins).</summary>
    [ReadOnly]
    Task<IReadOnlyList<SessionBooking>> ListBookingsAsync(string? learnerId, string? evaluatorId);

    /// <summary>The deadline bucket's call when a session's reminder is due. One-way; idempotent.</summary>
    [OneWay]
    Task SessionReminderDueAsync(string bookingId);
}
