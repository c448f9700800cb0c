using CertGrid.Abstractions.Appeals;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Booking;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Retries;
using CertGrid.Abstractions.OAuth;
using CertGrid.Abstractions.Privacy;
using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Assessments;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// A community's deadline bucket. One Orleans reminder ticks while the bucket holds deadlines and is unregistered when
/// it empties, so the reminder table holds one row per busy community, never one per review or booking. A tick sweeps
/// what is due by the domain clock and notifies targets one-way (the bucket never waits on an attempt or calendar that
/// may be calling it); a target cancels its deadline once handled, and one still here after
/// <see cref="RedispatchAfter"/> is dispatched again, so a lost message delays a deadline but never drops it.
/// <para>
/// The deadlines are rows of the Deadlines table (<see cref="DeadlineLedger"/>), not this grain's state: scheduling or
/// cancelling one writes one small batch however many the community has, and a sweep reads only what is due. The grain
/// state holds only what buckets stored before (one list of every deadline), moved into rows on activation.
/// </para>
/// </summary>
public sealed class DeadlineBucketGrain(
    [PersistentState("deadlines", StorageNames.GrainStore)] IPersistentState<DeadlineBucketState> state,
    StorageClients storage)
    : DurableGrain<DeadlineBucketState>(state), IDeadlineBucketGrain, IRemindable
{
    /// <summary>How often the reminder sweeps (Orleans' minimum reminder period).</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long a dispatched deadline waits for its target to cancel it before it is dispatched again.</summary>
    public static readonly TimeSpan RedispatchAfter = TimeSpan.FromMinutes(10);

    private const string ReminderName = "deadline-sweep";
    private bool? _reminderActive;
    private DeadlineLedger _ledger = null!;

    protected override string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _ledger = new DeadlineLedger(storage, Community);
        await _ledger.LoadAsync();
        if (State.Entries.Count > 0)
        {
            foreach (var entry in State.Entries)
            {
                var fallsAt = entry.DispatchedAt is { } at ? at + RedispatchAfter : entry.Deadline.DueAt;
                var existing = await _ledger.FindAsync(entry.Deadline.Kind, entry.Deadline.Target, entry.Deadline.Token);
                await _ledger.PutAsync(entry.Deadline, existing, entry.DispatchedAt, fallsAt);
            }

            State.Entries.Clear();
            await SaveAsync();
        }
    }

    public async Task ScheduleAsync(ScheduledDeadline deadline)
    {
        var existing = await _ledger.FindAsync(deadline.Kind, deadline.Target, deadline.Token);
        if (existing is null || existing.ToDeadline() != deadline)
        {
            await StoreAsync(() => _ledger.PutAsync(deadline, existing, null, deadline.DueAt));
        }

        await KeepReminderAsync();
    }

    public async Task CancelAsync(DeadlineKind kind, string target, string token)
    {
        if (await _ledger.FindAsync(kind, target, token) is { } existing)
        {
            await StoreAsync(() => _ledger.RemoveAsync(existing));
        }

        await KeepReminderAsync();
    }

    public Task SyncAsync(IReadOnlyList<ScheduledDeadline> schedule, IReadOnlyList<CancelledDeadline> cancel) =>
        SyncAllAsync([new DeadlineSync(schedule, cancel)]);

    public async Task SyncAllAsync(IReadOnlyList<DeadlineSync> syncs)
    {
        // The last word on each deadline (null: cancelled), one change per deadline, since a table batch holds a row once.
        var lastWord = new Dictionary<string, (DeadlineKind Kind, string Target, string Token, ScheduledDeadline? Wanted)>(StringComparer.Ordinal);
        foreach (var sync in syncs)
        {
            foreach (var deadline in sync.Schedule)
            {
                lastWord[DeadlineRow.ByWhat(deadline.Kind, deadline.Target, deadline.Token)] = (deadline.Kind, deadline.Target, deadline.Token, deadline);
            }

            foreach (var deadline in sync.Cancel)
            {
                lastWord[DeadlineRow.ByWhat(deadline.Kind, deadline.Target, deadline.Token)] = (deadline.Kind, deadline.Target, deadline.Token, null);
            }
        }

        var changes = new List<DeadlineLedger.Change>();
        foreach (var (kind, target, token, wanted) in lastWord.Values)
        {
            var existing = await _ledger.FindAsync(kind, target, token);
            if (wanted is not null && (existing is null || existing.ToDeadline() != wanted))
            {
                changes.Add(_ledger.Put(wanted, existing, null, wanted.DueAt));
            }
            else if (wanted is null && existing is not null)
            {
                changes.Add(_ledger.Remove(existing));
            }
        }

        if (changes.Count > 0)
        {
            await StoreAsync(() => _ledger.CommitAsync(changes));
        }

        await KeepReminderAsync();
    }

    public async Task<int> SweepAsync()
    {
        var now = Now;
        var due = await _ledger.DueAsync(now);
        if (due.Count == 0)
        {
            await KeepReminderAsync();
            return 0;
        }

        foreach (var row in due)
        {
            await StoreAsync(() => _ledger.PutAsync(row.ToDeadline(), row, now, now + RedispatchAfter));
        }

        foreach (var deadline in due.Select(r => r.ToDeadline()))
        {
            try
            {
                await DispatchAsync(deadline);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Dispatching {Kind} {Target}/{Token} in {Community} failed; it is retried in {Delay}",
                    deadline.Kind, deadline.Target, deadline.Token, Community, RedispatchAfter);
            }
        }

        return due.Count;
    }

    public async Task<DeadlineBucketStatus> GetStatusAsync()
    {
        var active = await this.GetReminder(ReminderName) is not null;
        return new DeadlineBucketStatus(_ledger.Scheduled, await _ledger.NextAsync(), active, _ledger.Dispatched);
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
        DeadlineKind.IdempotencyRecordExpires => GrainFactory.GetGrain<IIdempotencyRecordGrain>(deadline.Target).ExpireAsync(),
        DeadlineKind.OAuthRecordExpires => GrainFactory.GetGrain<IOAuthRecordGrain>(deadline.Target).PruneAsync(),
        DeadlineKind.RetentionSweep => GrainFactory.GetGrain<IRetentionGrain>(deadline.Target).SweepDueAsync(),
        DeadlineKind.DataExportDue => GrainFactory.GetGrain<IDataExportGrain>(deadline.Target).ResumeAsync(),
        DeadlineKind.PartnerAccessRetentionDue => GrainFactory.GetGrain<IPartnerAccessRetentionGrain>(deadline.Target).SweepDueAsync(),
        DeadlineKind.UnconfirmedSubmission => GrainFactory.GetGrain<IAttemptGrain>(deadline.Target).SettleUnconfirmedSubmissionAsync(deadline.Token),
        DeadlineKind.ReviewReminder => GrainFactory.GetGrain<IAttemptGrain>(deadline.Target).ReviewReminderDueAsync(ReviewDeadlines.EvaluatorOf(deadline.Token)),
        DeadlineKind.AppealReviewReminder => GrainFactory.GetGrain<IAppealGrain>(deadline.Target).ReviewReminderDueAsync(ReviewDeadlines.EvaluatorOf(deadline.Token)),
        _ => Task.CompletedTask,
    };

    /// <summary>Writes a change of the ledger; if storage fails the activation is discarded, so nobody sees a change that was not stored.</summary>
    private async Task StoreAsync(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (Exception ex)
        {
            DeactivateOnIdle();
            Logger.LogError(ex, "Storing a deadline of {Community} failed; the activation will reload from storage", Community);
            throw new CertGridException(ErrorCode.Unavailable, "Storage did not confirm the deadline change, so it may not have been saved. Try again.");
        }
    }

    /// <summary>Registers the sweep reminder while anything is scheduled and removes it once the bucket is empty.</summary>
    private async Task KeepReminderAsync()
    {
        var wanted = _ledger.Scheduled > 0;
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
}
