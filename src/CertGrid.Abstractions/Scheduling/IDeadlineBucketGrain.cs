namespace CertGrid.Abstractions.Scheduling;

/// <summary>What falls due, addressed by target (a grain key) and token.</summary>
public enum DeadlineKind
{
    /// <summary>A review's deadline. Target: the attempt's grain key; token: the evaluator id.</summary>
    ReviewDue,
    /// <summary>A reminder before a live session. Target: the community; token: the booking id.</summary>
    SessionReminder,
    /// <summary>An attempt waits for an independent evaluator to fill an empty seat; retried until filled. Target: the attempt's grain key.</summary>
    EmptySeat,
    /// <summary>An appeal review's deadline. Target: the appeal's grain key; token: the evaluator id.</summary>
    AppealReviewDue,
    /// <summary>An appeal waits for an independent evaluator to fill an empty seat; retried until filled. Target: the appeal's grain key.</summary>
    AppealEmptySeat,
    /// <summary>The lead's deadline to close a consensus discussion. Target: the discussion's grain key; token: the lead evaluator id.</summary>
    DiscussionLeadDue,
    /// <summary>An idempotency key's record reaches the end of its window and clears its stored state. Target: the record's grain key.</summary>
    IdempotencyRecordExpires,
    /// <summary>An OAuth 2.0 authorization or token that expired is pruned. Target: its record's grain key.</summary>
    OAuthRecordExpires,
    /// <summary>The community's daily retention sweep erases learners inactive beyond its policy. Target: the community's retention grain key.</summary>
    RetentionSweep,
    /// <summary>A learner's data export is woken (it stopped) or its archive's time is up. Target: the export's grain key.</summary>
    DataExportDue,
    /// <summary>A community's daily partner-access log retention sweep. Target: the community.</summary>
    PartnerAccessRetentionDue,
    /// <summary>
    /// A submission whose first write storage could not confirm or deny is checked again: its panel and the learner's
    /// reservation are released if no attempt was stored. Target: the attempt's grain key; token: the learner id.
    /// </summary>
    UnconfirmedSubmission,
    /// <summary>An evaluator whose attempt review is still open is reminded of its deadline. Target: the attempt's grain key; token: <c>remind:</c> and the evaluator id.</summary>
    ReviewReminder,
    /// <summary>An evaluator whose appeal review is still open is reminded of its deadline. Target: the appeal's grain key; token: <c>remind:</c> and the evaluator id.</summary>
    AppealReviewReminder,
}

/// <summary>Something that must happen at a time, addressed to the grain that handles it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.scheduled-deadline")]
public sealed record ScheduledDeadline(
    [property: Id(0)] DeadlineKind Kind,
    [property: Id(1)] string Target,
    [property: Id(2)] string Token,
    [property: Id(3)] DateTimeOffset DueAt);

/// <summary>Which deadline to cancel: a bucket entry is known by its kind, target and token.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cancelled-deadline")]
public sealed record CancelledDeadline([property: Id(0)] DeadlineKind Kind, [property: Id(1)] string Target, [property: Id(2)] string Token);

/// <summary>What one grain now waits for: deadlines to add or move and deadlines to remove (a deadline in both ends cancelled).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.deadline-sync")]
public sealed record DeadlineSync(
    [property: Id(0)] IReadOnlyList<ScheduledDeadline> Schedule,
    [property: Id(1)] IReadOnlyList<CancelledDeadline> Cancel);

/// <summary>How many deadlines a bucket holds, the next one, and whether its reminder is registered.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.deadline-bucket-status")]
public sealed record DeadlineBucketStatus(
    [property: Id(0)] int Scheduled,
    [property: Id(1)] DateTimeOffset? NextDueAt,
    [property: Id(2)] bool ReminderActive,
    [property: Id(3)] int Dispatched);

/// <summary>
/// A community's deadlines (attempt and appeal review deadlines, discussion leads' deadlines, session reminders) in one bucket with one Orleans reminder, registered
/// only while the bucket holds anything — never one reminder per review or booking. Each tick sweeps what is due
/// (by the domain clock) and notifies its target one-way; the target cancels the deadline once handled, and an
/// unacknowledged deadline is dispatched again later. Key: the community id.
/// </summary>
public interface IDeadlineBucketGrain : IGrainWithStringKey
{
    /// <summary>Adds or moves a deadline (same kind, target and token). Idempotent.</summary>
    Task ScheduleAsync(ScheduledDeadline deadline);

    /// <summary>Removes a deadline. Idempotent.</summary>
    Task CancelAsync(DeadlineKind kind, string target, string token);

    /// <summary>
    /// Adds or moves <paramref name="schedule"/> and removes <paramref name="cancel"/> in one write (a deadline in both
    /// ends cancelled, as scheduling then cancelling it would leave it). Idempotent.
    /// </summary>
    Task SyncAsync(IReadOnlyList<ScheduledDeadline> schedule, IReadOnlyList<CancelledDeadline> cancel);

    /// <summary>
    /// Applies several grains' syncs in one write, each as <see cref="SyncAsync"/> would and in their order (a later
    /// sync's word on a deadline wins), so a silo's many syncs in flight at once cost one write. Idempotent.
    /// </summary>
    Task SyncAllAsync(IReadOnlyList<DeadlineSync> syncs);

    /// <summary>Dispatches every deadline due by the domain clock (the reminder calls this); returns how many.</summary>
    Task<int> SweepAsync();

    [ReadOnly]
    Task<DeadlineBucketStatus> GetStatusAsync();
}
