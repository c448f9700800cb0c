using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// A community's deadline bucket. One Orleans reminder ticks while the bucket holds deadlines and is unregistered when
/// it empties, so the reminder table holds one row per busy community, never one per review or booking. A tick sweeps
/// what is due by the domain clock and notifies targets one-way (the bucket never waits on an attempt or calendar that
/// may be calling it); a target cancels its deadline once handled, and one still here after
/// <see cref="RedispatchAfter"/> is dispatched again, so a lost message delays a deadline but never drops it.
/// </summary>
public sealed class DeadlineBucketGrain(
    [PersistentState("deadlines", StorageNames.GrainStore)] IPersistentState<DeadlineBucketState> state)
    : DurableGrain<DeadlineBucketState>(state), IDeadlineBucketGrain, IRemindable
{
    /// <summary>How often the reminder sweeps (Orleans' minimum reminder period).</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long a dispatched deadline waits for its target to cancel it before it is dispatched again.</summary>
    public static readonly TimeSpan RedispatchAfter = TimeSpan.FromMinutes(10);

    private const string ReminderName = "deadline-sweep";
    private bool? _reminderActive;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task ScheduleAsync(ScheduledDeadline deadline)
    {
        var entry = Find(deadline.Kind, deadline.Target, deadline.Token);
        if (entry is not null && entry.Deadline == deadline)
        {
            return;
        }

        if (entry is null)
        {
            State.Entries.Add(new DeadlineEntry { Deadline = deadline });
        }
        else
        {
            (entry.Deadline, entry.DispatchedAt) = (deadline, null);
        }

        await SaveAsync();
        await KeepReminderAsync();
    }

    public async Task CancelAsync(DeadlineKind kind, string target, string token)
    {
        var entry = Find(kind, target, token);
        if (entry is not null)
        {
            State.Entries.Remove(entry);
            await SaveAsync();
        }

        await KeepReminderAsync();
    }

    public async Task<int> SweepAsync()
    {
        var now = Now;
        var due = State.Entries
            .Where(e => e.Deadline.DueAt <= now && (e.DispatchedAt is null || e.DispatchedAt + RedispatchAfter <= now))
            .ToList();
        if (due.Count == 0)
        {
            await KeepReminderAsync();
            return 0;
        }

        due.ForEach(e => e.DispatchedAt = now);
        await SaveAsync();
        foreach (var entry in due)
        {
            try
            {
                await DispatchAsync(entry.Deadline);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Dispatching {Kind} {Target}/{Token} in {Community} failed; it is retried in {Delay}",
                    entry.Deadline.Kind, entry.Deadline.Target, entry.Deadline.Token, Community, RedispatchAfter);
            }
        }

        return due.Count;
    }

    public async Task<DeadlineBucketStatus> GetStatusAsync()
    {
        var active = await this.GetReminder(ReminderName) is not null;
        return new DeadlineBucketStatus(State.Entries.Count, State.Entries.Count == 0 ? null : State.Entries.Min(e => e.Deadline.DueAt), active,
            State.Entries.Count(e => e.DispatchedAt is not null));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            await SweepAsync();
        }
    }

    private Task DispatchAsync(ScheduledDeadline deadline) => deadline.Kind switch
    {
        DeadlineKind.ReviewDue => GrainFactory.GetGrain<IAttemptGrain>(deadline.Target).ReviewDeadlinePassedAsync(deadline.Token),
        DeadlineKind.SessionReminder => GrainFactory.GetGrain<IBookingCalendarGrain>(deadline.Target).SessionReminderDueAsync(deadline.Token),
        DeadlineKind.EmptySeat => GrainFactory.GetGrain<IAttemptGrain>(deadline.Target).FillEmptySeatsAsync(),
        DeadlineKind.AppealReviewDue => GrainFactory.GetGrain<IAppealGrain>(deadline.Target).ReviewDeadlinePassedAsync(deadline.Token),
        DeadlineKind.AppealEmptySeat => GrainFactory.GetGrain<IAppealGrain>(deadline.Target).FillEmptySeatsAsync(),
        DeadlineKind.DiscussionLeadDue => GrainFactory.GetGrain<IConsensusDiscussionGrain>(deadline.Target).LeadDeadlinePassedAsync(deadline.Token),
        _ => Task.CompletedTask,
    };

    /// <summary>Registers the sweep reminder while anything is scheduled and removes it once the bucket is empty.</summary>
    private async Task KeepReminderAsync()
    {
        var wanted = State.Entries.Count > 0;
        if (_reminderActive == wanted)
        {
            return;
        }

        if (wanted)
        {
            await this.RegisterOrUpdateReminder(ReminderName, SweepPeriod, SweepPeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderActive = wanted;
    }

    private DeadlineEntry? Find(DeadlineKind kind, string target, string token) =>
        State.Entries.FirstOrDefault(e => e.Deadline.Kind == kind && e.Deadline.Target == target && e.Deadline.Token == token);
}
