using Azure.Data.Tables;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// A community's effect sweeper. One reminder ticks every <see cref="SweepPeriod"/> while the community has had
/// effects lately; each tick reads the community's marks (<see cref="PendingEffectsRow"/>) and resumes every marked
/// grain whose next attempt is due, a few at a time; a grain that answers settled loses its mark (guarded by the mark's
/// ETag, so a grain that marked itself again meanwhile keeps it; the settled marks go in table batches of up to 100).
/// After <see cref="IdleSweepsBeforeDisarm"/> sweeps without marks the reminder is removed; <see cref="EffectMarkers"/>
/// arms it again before it is needed. So the reminder table holds one row per busy community, never one per grain or
/// effect. When a silo leaves the cluster, <see cref="SiloLossSweeps"/> has the sweeper sweep at once rather than at its
/// next tick, so what the lost silo's grains left undone, and what failed because a receiver was there, resumes in
/// seconds.
/// </summary>
public sealed class EffectSweeperGrain(StorageClients storage, ILogger<EffectSweeperGrain> logger) : Grain, IEffectSweeperGrain, IRemindable
{
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Twice <see cref="EffectMarkers.ArmedFor"/> in sweeps, so no silo still trusts a sweeper that disarmed.</summary>
    public const int IdleSweepsBeforeDisarm = 60;

    private const string ReminderName = "effect-sweep";
    private const int ResumedAtOnce = 8;
    private const int SiloLossSweepsKept = 10;

    private readonly ReadModelTable _marks = storage.ReadModel(storage.Names.EffectsTable);

    /// <summary>Silos whose loss this activation swept for (each silo that saw a loss asks).</summary>
    private readonly HashSet<string> _lossesSwept = [];
    private readonly Queue<SiloLossSweep> _sweptAfterSiloLoss = new();
    private bool _armed;
    private Task? _arming;
    private int _idleSweeps;

    private string Community => this.GetPrimaryKeyString();

    public Task EnsureArmedAsync()
    {
        _idleSweeps = 0;
        _arming ??= _armed ? null : ArmAsync();
        return Task.CompletedTask;
    }

    public Task<EffectSweep> SweepAsync() => SweepMarksAsync(lostSilo: null);

    public Task SweepAfterSiloLossAsync(string lostSilo)
    {
        if (_lossesSwept.Add(lostSilo))
        {
            this.RegisterGrainTimer(_ => SweepLoggedAsync(lostSilo), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// One sweep: the regular one (<paramref name="lostSilo"/> null) resumes the grains whose next attempt is due; the one
    /// after a silo loss resumes, whatever their next attempt, the grains marked on that silo and those with failed
    /// effects, and has them retry failed effects now (<see cref="PendingEffectsRow.ConcernsLossOf"/>).
    /// </summary>
    private async Task<EffectSweep> SweepMarksAsync(string? lostSilo)
    {
        var now = TimeProvider.System.GetUtcNow();
        var marks = new List<PendingEffectsRow>();
        await foreach (var mark in _marks.ScanAsync<PendingEffectsRow>(Community, string.Empty))
        {
            marks.Add(mark);
        }

        var due = lostSilo is not null
            ? marks.Where(m => m.ConcernsLossOf(lostSilo)).ToList()
            : marks.Where(m => m.NextAttemptAt is not { } next || next <= now).ToList();
        var settled = 0;
        var toRemove = new List<PendingEffectsRow>();
        foreach (var batch in due.Chunk(ResumedAtOnce))
        {
            var outcomes = await Task.WhenAll(batch.Select(mark => ResumeAsync(mark, retryFailedNow: lostSilo is not null)));
            toRemove.AddRange(batch.Where((_, i) => outcomes[i]));
            if (toRemove.Count >= TableBatch.MaxOperations)
            {
                settled += await RemoveMarksAsync(toRemove);
                toRemove.Clear();
            }
        }

        settled += await RemoveMarksAsync(toRemove);

        _idleSweeps = marks.Count == 0 ? _idleSweeps + 1 : 0;
        if (_idleSweeps >= IdleSweepsBeforeDisarm && await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _armed = false;
            _idleSweeps = 0;
        }

        return new EffectSweep(due.Count, settled, marks.Count - settled);
    }

    public Task<Page<GrainEffects>> ListAsync(PageRequest page) =>
        _marks.PageAsync<PendingEffectsRow, GrainEffects>(Community, string.Empty, page, row => row.ToView());

    public async Task<EffectSweeperStatus> GetStatusAsync()
    {
        var marked = 0;
        await foreach (var _ in _marks.ScanAsync<PendingEffectsRow>(Community, string.Empty))
        {
            marked++;
        }

        return new EffectSweeperStatus(await this.GetReminder(ReminderName) is not null, marked, _sweptAfterSiloLoss.ToList());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _armed = true;

        // Sweep on a timer, so the reminder call returns at once however long resuming the grains takes.
        this.RegisterGrainTimer(_ => SweepLoggedAsync(lostSilo: null), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    /// <param name="lostSilo">The silo whose loss this sweep is for; null for the regular tick.</param>
    private async Task SweepLoggedAsync(string? lostSilo)
    {
        try
        {
            var sweep = await SweepMarksAsync(lostSilo);
            if (lostSilo is not null)
            {
                _sweptAfterSiloLoss.Enqueue(new SiloLossSweep(lostSilo, TimeProvider.System.GetUtcNow(), sweep));
                while (_sweptAfterSiloLoss.Count > SiloLossSweepsKept)
                {
                    _sweptAfterSiloLoss.Dequeue();
                }

                logger.LogInformation("Swept {Community} after silo {Silo} left the cluster: {Resumed} grains resumed, {Settled} settled, {Left} marks left to the regular sweep",
                    Community, lostSilo, sweep.Resumed, sweep.Settled, sweep.StillPending);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sweeping the pending effects of {Community} failed; the next tick tries again", Community);
        }
    }

    /// <summary>
    /// Registers the reminder in the background, retrying until it is registered: the grain whose write asked for it does
    /// not wait (a silo's reminder service can take a while to start) and its effects run now anyway.
    /// </summary>
    private async Task ArmAsync()
    {
        for (var attempt = 1; !_armed; attempt++)
        {
            try
            {
                await this.RegisterOrUpdateReminder(ReminderName, SweepPeriod, SweepPeriod);
                _armed = true;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Registering the effect sweep of {Community} failed (attempt {Attempt}); retrying", Community, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, attempt * 5)));
            }
        }

        _arming = null;
    }

    /// <summary>Resumes one marked grain; true when it settled (its mark may go).</summary>
    private async Task<bool> ResumeAsync(PendingEffectsRow mark, bool retryFailedNow)
    {
        try
        {
            var outbox = GrainFactory.GetGrain<IEffectOutbox>(GrainId.Parse(mark.GrainId));
            return (await (retryFailedNow ? outbox.RetryEffectsNowAsync() : outbox.ResumeEffectsAsync())).Settled;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Resuming the effects of {Grain} in {Community} failed; the next sweep tries again", mark.GrainId, Community);
            return false;
        }
    }

    /// <summary>
    /// Removes settled grains' marks, each guarded by the ETag it was read with, up to 100 in one request (one each cost a
    /// request per grain an issuance touched). A mark that changed meanwhile (the grain marked itself again while it was
    /// resumed) stays for the next sweep. Returns how many were removed.
    /// </summary>
    private async Task<int> RemoveMarksAsync(List<PendingEffectsRow> marks)
    {
        try
        {
            return await GuardedDeletes.DeleteAsync(_marks.Client, marks);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Removing {Count} marks of {Community} failed; the next sweep tries again", marks.Count, Community);
            return 0;
        }
    }
}
