using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// A community's renewal clock. Its single reminder ticks every <see cref="RenewalOptions.SweepPeriod"/>; a tick
/// processes each pending day that has begun, oldest first (so after downtime every missed day is caught up, in
/// order), page by page, then deletes the day's pages and records the day as completed. Buckets note their day
/// here before storing their first deadline, so no day with deadlines is ever skipped and empty days cost nothing. Processing a page stores its progress per batch and advancing a credential is
/// idempotent, so a restart mid-day repeats nothing that was finished.
/// </summary>
public sealed class RenewalSchedulerGrain(
    [PersistentState("renewal-scheduler", StorageNames.GrainStore)] IPersistentState<RenewalSchedulerState> state,
    StorageClients storage,
    IOptions<RenewalOptions> options)
    : DurableGrain<RenewalSchedulerState>(state), IRenewalSchedulerGrain, IRemindable
{
    public const string ReminderName = "renewal-sweep";

    private GroupCommit? _writes;

    protected override string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Started)
        {
            // Again on every activation: a registration that failed after Started was stored, or a changed period, is put right.
            try
            {
                await this.RegisterOrUpdateReminder(ReminderName, options.Value.SweepPeriod, options.Value.SweepPeriod, cancellationToken);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Registering the renewal reminder of {Community} failed; the next activation retries", Community);
            }
        }
    }

    public async Task NoteDayAsync(DateOnly day)
    {
        var index = State.PendingDays.BinarySearch(day);
        if (index >= 0 && State.Started)
        {
            return;
        }

        var starting = !State.Started;
        await SaveSerializedAsync(() =>
        {
            State.Started = true;
            var at = State.PendingDays.BinarySearch(day);
            if (at < 0)
            {
                State.PendingDays.Insert(~at, day);
            }
        });
        if (starting)
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.SweepPeriod, options.Value.SweepPeriod);
        }
    }

    public async Task QueuePolicyRolloutAsync(string definitionId)
    {
        if (!State.PendingRollouts.Contains(definitionId))
        {
            await SaveSerializedAsync(() => State.PendingRollouts.Add(definitionId));
        }
    }

    public async Task<SweepReport> SweepAsync()
    {
        var rollouts = 0;
        foreach (var definitionId in State.PendingRollouts.ToList())
        {
            rollouts += await PolicyRollout.RunAsync(GrainFactory, storage, Community, definitionId, options.Value.Parallelism);
            await SaveSerializedAsync(() => State.PendingRollouts.Remove(definitionId));
        }

        var (days, advanced, deferred) = (0, 0, 0);
        var today = DeadlineDay.Today(Now);
        while (State.PendingDays is [var day, ..] && day <= today)
        {
            var (dayAdvanced, dayDeferred) = await ProcessDayAsync(day);
            (advanced, deferred) = (advanced + dayAdvanced, deferred + dayDeferred);
            await SaveSerializedAsync(() =>
            {
                State.PendingDays.Remove(day);
                State.LastCompletedDay = day;
            });
            days++;
        }

        if (State.Started && State.LastCompletedDay != today)
        {
            await SaveSerializedAsync(() => State.LastCompletedDay = today);
        }

        await GrainFactory.GetGrain<IWebhookDispatcherGrain>(Community).KickAsync();
        return new SweepReport(days, advanced, deferred, rollouts, State.LastCompletedDay);
    }

    public Task<SchedulerStatus> GetStatusAsync() =>
        Task.FromResult(new SchedulerStatus(State.Started, State.LastCompletedDay, State.PendingRollouts.ToList(), State.PendingDays.ToList()));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Sweep on a timer so the reminder call returns at once however long the day takes.
        this.RegisterGrainTimer(async _ =>
        {
            try
            {
                await SweepAsync();
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "The renewal sweep of {Community} stopped early; the next reminder tick carries on", Community);
            }
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    /// <summary>Processes every page of a day, then deletes them (last page first, so a restart in between finds the rest).</summary>
    private async Task<(int Advanced, int Deferred)> ProcessDayAsync(DateOnly day)
    {
        // One batch per call: a call stays far inside the response timeout however slow storage is, so a sweep is
        // not abandoned midway (it would resume only at the next tick).
        var chunk = options.Value.BatchSize;
        var (advanced, deferred, pages) = (0, 0, 0);
        for (var page = 0; ; page++)
        {
            var bucket = Deadlines.Bucket(GrainFactory, Community, day, page);
            BucketProgress progress;
            do
            {
                progress = await bucket.ProcessAsync(chunk);
                (advanced, deferred) = (advanced + progress.Processed, deferred + progress.Deferred);
            }
            while (progress.Remaining > 0);

            pages = page + 1;
            if (!progress.HasNextPage)
            {
                break;
            }
        }

        for (var page = pages - 1; page >= 0; page--)
        {
            await Deadlines.Bucket(GrainFactory, Community, day, page).ClearAsync();
        }

        return (advanced, deferred);
    }

    /// <summary>Interleaving calls (start, queue a rollout) write state too, so every write goes through one group commit.</summary>
    private Task SaveSerializedAsync(Action change)
    {
        change();
        _writes ??= new GroupCommit(() => SaveAsync());
        return _writes.CommitAsync();
    }
}
