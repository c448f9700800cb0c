using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Privacy.Export;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Scheduling;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Privacy.Export;

/// <summary>
/// Builds one export of a learner's data in the background, a step per turn of a grain timer: each JSON part is streamed
/// to its own blob and counted in the grain's state before the next (so a restart resumes at the first part missing), then
/// the parts and every portfolio file are streamed into one ZIP blob. The community's deadline bucket wakes an export whose
/// silo went away, and later deletes the archive when its time is up.
/// </summary>
public sealed class DataExportGrain(
    [PersistentState("data-export", StorageNames.GrainStore)] IPersistentState<DataExportState> state,
    ExportArchiveStore store)
    : DurableGrain<DataExportState>(state), IDataExportGrain
{
    /// <summary>How long a finished archive can be downloaded before it is deleted.</summary>
    public static readonly TimeSpan ArchiveLifetime = TimeSpan.FromDays(7);

    /// <summary>How long a download URL works.</summary>
    public static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromMinutes(15);

    /// <summary>When the deadline bucket wakes an export in progress (it is woken again every 10 minutes until it finishes).</summary>
    public static readonly TimeSpan WakeAfter = TimeSpan.FromMinutes(5);

    private const int FailuresBeforeGivingUp = 8;
    private const string ErasedMeanwhile = "The learner's data was erased while it was being exported; nothing of the export is kept.";
    private TimerSteps? _steps;
    private bool _resumed;
    private int _filesPacked;
    private int _failures;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string Folder => ExportArchiveStore.Folder(Community, State.LearnerId, Key.Id);

    private bool InProgress => RecordExists && State.Status is DataExportStatus.Collecting or DataExportStatus.Packing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (InProgress)
        {
            _resumed = true;
            KeepWorking(TimeSpan.Zero);
        }
    }

    public async Task<DataExportView> StartAsync(string learnerId, string actor)
    {
        if (RecordExists)
        {
            return State.LearnerId == learnerId
                ? View()
                : throw CertGridException.Conflict($"Export '{Key.Id}' is another learner's; request a new export.");
        }

        var learner = GrainFactory.Learner(Community, learnerId);
        _ = await learner.GetAsync();
        var record = await learner.GetRecordAsync();
        State.LearnerId = learnerId;
        State.RequestedBy = actor;
        State.RequestedAt = Now;
        State.Status = DataExportStatus.Collecting;
        State.Parts = DataExportPlan.Parts(record.Attempts.Count, record.CredentialIds.Count).ToList();
        Cause(new SyncDeadlines([Deadline(Now + WakeAfter)], []));
        await SaveAsync(AuditEvent(actor, "learner.export-requested", Key.Id, new { learnerId, parts = State.Parts.Count }));
        KeepWorking(TimeSpan.Zero);
        return View();
    }

    public Task<DataExportView> GetAsync() => Task.FromResult(RecordExists ? View() : throw CertGridException.NotFound("DataExport", Key.Id));

    public async Task<Uri> OpenDownloadAsync()
    {
        _ = await GetAsync();
        if (State.Status != DataExportStatus.Ready || Now >= State.ExpiresAt)
        {
            throw CertGridException.Conflict(State.Status switch
            {
                DataExportStatus.Collecting or DataExportStatus.Packing => "The archive is still being built; ask again when its status is READY.",
                DataExportStatus.Failed => $"This export failed: {State.Failure}",
                _ => "The archive expired and was deleted; request a new export.",
            });
        }

        return await store.DownloadUrlAsync(ExportArchiveStore.ArchiveBlob(Folder, Key.Id), DownloadUrlLifetime);
    }

    public async Task ResumeAsync()
    {
        if (InProgress)
        {
            KeepWorking(TimeSpan.Zero);
            return;
        }

        var bucket = GrainFactory.GetGrain<IDeadlineBucketGrain>(Community);
        if (RecordExists && State.Status == DataExportStatus.Ready && Now < State.ExpiresAt)
        {
            await bucket.ScheduleAsync(Deadline(State.ExpiresAt!.Value));
        }
        else if (RecordExists && State.Status == DataExportStatus.Ready)
        {
            await store.DeleteUnderAsync(Folder);
            State.Status = DataExportStatus.Expired;
            Cause(new SyncDeadlines([], [new CancelledDeadline(DeadlineKind.DataExportDue, this.GetPrimaryKeyString(), "")]));
            await SaveAsync(AuditEvent(Actors.System, "learner.export-expired", Key.Id, new { learnerId = State.LearnerId }));
        }
        else
        {
            await bucket.CancelAsync(DeadlineKind.DataExportDue, this.GetPrimaryKeyString(), "");
        }
    }

    private void KeepWorking(TimeSpan after) => (_steps ??= new TimerSteps(this, StepAsync)).KeepWorking(after);

    /// <summary>Does one step; returns when to do the next, or null when the export is finished or failed.</summary>
    private async Task<TimeSpan?> StepAsync()
    {
        if (!InProgress)
        {
            return null;
        }

        try
        {
            if (await GrainFactory.Learner(Community, State.LearnerId).FindAsync() is null)
            {
                await FailAsync(ErasedMeanwhile);
                return null;
            }

            await (State.Status == DataExportStatus.Collecting ? CollectNextAsync() : PackAsync());
            _failures = 0;
            return InProgress ? TimeSpan.Zero : null;
        }
        catch (Exception ex)
        {
            _failures++;
            Logger.LogWarning(ex, "Step of data export {Export} in {Community} failed ({Failures} in a row)", Key.Id, Community, _failures);
            if (_failures >= FailuresBeforeGivingUp && ex is CertGridException { Code: not ErrorCode.Unavailable })
            {
                await FailAsync("The export could not be completed; request a new one.");
                return null;
            }

            return TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, _failures)));
        }
    }

    private async Task CollectNextAsync()
    {
        if (State.PartsDone < State.Parts.Count)
        {
            var part = State.Parts[State.PartsDone];
            await using (var output = await store.OpenWriteAsync(ExportArchiveStore.PartBlob(Folder, part.EntryName), "application/json"))
            {
                await new ExportPartWriter(GrainFactory, Community, State.LearnerId).WriteAsync(part, output);
            }

            State.PartsDone++;
        }
        else
        {
            State.Status = DataExportStatus.Packing;
            State.FilesTotal = ArchivePacker.Files(await GrainFactory.Learner(Community, State.LearnerId).GetPortfolioAsync()).Count;
        }

        await SaveProgressAsync();
    }

    private async Task PackAsync()
    {
        var files = ArchivePacker.Files(await GrainFactory.Learner(Community, State.LearnerId).GetPortfolioAsync());
        _filesPacked = 0;
        var manifest = ArchivePacker.Manifest(Key.Id, Community, State.LearnerId, State.RequestedAt, Now, State.Parts, files);
        var size = await new ArchivePacker(store).PackAsync(Folder, Key.Id, manifest, State.Parts, files, () => _filesPacked++);
        if (await GrainFactory.Learner(Community, State.LearnerId).FindAsync() is null)
        {
            // Erased while the archive was written: the erasure's blob deletion may have run before the archive existed.
            await FailAsync(ErasedMeanwhile);
            return;
        }

        await store.DeleteUnderAsync(Folder + "parts/");
        State.Status = DataExportStatus.Ready;
        State.FilesTotal = files.Count;
        State.SizeBytes = size;
        State.ReadyAt = Now;
        State.ExpiresAt = Now + ArchiveLifetime;
        Cause(new SyncDeadlines([Deadline(State.ExpiresAt.Value)], []));
        await SaveProgressAsync(AuditEvent(Actors.System, "learner.export-ready", Key.Id, new { learnerId = State.LearnerId, files = files.Count, bytes = size }));
    }

    private async Task FailAsync(string why)
    {
        await store.DeleteUnderAsync(Folder);
        State.Status = DataExportStatus.Failed;
        State.Failure = why;
        Cause(new SyncDeadlines([], [new CancelledDeadline(DeadlineKind.DataExportDue, this.GetPrimaryKeyString(), "")]));
        await SaveProgressAsync(AuditEvent(Actors.System, "learner.export-failed", Key.Id, new { why }));
    }

    private async Task SaveProgressAsync(params AuditEvent[] events)
    {
        if (_resumed)
        {
            State.Resumptions++;
            _resumed = false;
        }

        await SaveAsync(events);
    }

    private ScheduledDeadline Deadline(DateTimeOffset at) => new(DeadlineKind.DataExportDue, this.GetPrimaryKeyString(), "", at);

    private DataExportView View() => new(
        Key.Id, State.LearnerId, State.Status,
        DataExportPlan.Percent(State.PartsDone, State.Parts.Count, State.Status == DataExportStatus.Packing ? _filesPacked : 0, State.FilesTotal, State.Status == DataExportStatus.Ready),
        State.PartsDone, State.Parts.Count, State.Status == DataExportStatus.Ready ? State.FilesTotal : _filesPacked, State.FilesTotal,
        State.RequestedAt, State.ReadyAt, State.ExpiresAt, State.SizeBytes, State.Failure, State.Resumptions);
}
