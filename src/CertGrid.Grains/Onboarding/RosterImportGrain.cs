using CertGrid.Abstractions.Onboarding;
using CertGrid.Domain.Onboarding;
using CertGrid.Grains.Learners;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Onboarding;

/// <summary>
/// One import of learners, evaluators, cohort memberships or earned credentials. The file goes straight to blob storage
/// through a SAS URL; the dry run reads it, checks every row and compares it with the community (only the emails, cohorts
/// and credentials the file names are looked up); applying creates what each new row describes in batches on a grain
/// timer, storing the cursor after each batch, with a reminder (one per import being applied, removed when it completes)
/// that wakes the grain after a restart so it carries on from the cursor. What a row creates has an id derived from the
/// import (or the row's own key), so a batch redone after a crash meets what it created instead of twins.
/// </summary>
public sealed partial class RosterImportGrain(
    [PersistentState("rosterimport", StorageNames.GrainStore)] IPersistentState<RosterImportState> state,
    ArtifactStore files,
    StorageClients storage)
    : DurableGrain<RosterImportState>(state), IRosterImportGrain, IRemindable
{
    public const int BatchSize = 500;
    public const int ParallelRows = 32;
    private const string ReminderName = "apply-roster";
    private static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(30);

    private ImportPlan? _plan;
    private bool _passScheduled;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private string SourceBlob => $"{Community}/imports/{Key.Id}/source";

    private string ResultsBlob => $"{Community}/imports/{Key.Id}/results.csv";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Status == RosterImportStatus.Applying)
        {
            ScheduleNextBatch();
        }
    }

    public async Task<RosterUploadTicket> StartAsync(StartRosterImport command, string actor)
    {
        if (RecordExists)
        {
            throw CertGridException.Conflict($"Import '{Key.Id}' already exists.");
        }

        var fileName = InputRules.RequireText(command.FileName, "input.fileName", 200);
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && ImportFileReader.FormatOf(fileName) != ImportFormat.JsonLines)
        {
            throw CertGridException.Invalid("input.fileName", "Name the file .csv (comma-separated values with a header row) or .jsonl (JSON Lines: one object per line).");
        }

        if (command.SizeBytes is < 1 or > ImportFileReader.MaxBytes)
        {
            throw CertGridException.Invalid("input.sizeBytes", $"An import file has 1 to {ImportFileReader.MaxBytes} bytes; split a larger file into several imports.");
        }

        if (!Enum.IsDefined(command.Kind))
        {
            throw CertGridException.Invalid("input.kind", "Say what the file's rows are: LEARNERS, EVALUATORS, COHORT_MEMBERS or HOLDERS.");
        }

        var (url, expiresAt) = await files.CreateUploadUrlAsync(SourceBlob, UploadWindow);
        State.FileName = fileName;
        State.Kind = command.Kind;
        State.Status = RosterImportStatus.AwaitingUpload;
        State.CreatedAt = Now;
        return await SaveAnsweringAsync(new RosterUploadTicket(ToInfo(), url, expiresAt), AuditEvent(actor, "roster-import.started", Key.Id, new { fileName, command.SizeBytes, kind = command.Kind }));
    }

    public async Task<RosterUploadTicket> UploadTicketAsync()
    {
        RequireExists();
        if (State.Status != RosterImportStatus.AwaitingUpload)
        {
            throw CertGridException.Conflict($"Import '{Key.Id}' was already checked; start a new import to upload another file.");
        }

        var (url, expiresAt) = await files.CreateUploadUrlAsync(SourceBlob, UploadWindow);
        return new RosterUploadTicket(ToInfo(), url, expiresAt);
    }

    public async Task<RosterImportInfo> DryRunAsync(string actor)
    {
        RequireExists();
        if (State.Status is RosterImportStatus.Applying or RosterImportStatus.Completed)
        {
            return ToInfo();
        }

        var plan = await LoadPlanAsync();
        await files.WriteAsync(ResultsBlob, ImportResultsFile.Write(plan.Results(0)), ImportResultsFile.ContentType);
        State.Status = plan.IsClean ? RosterImportStatus.Checked : RosterImportStatus.Rejected;
        State.TotalRows = plan.Rows.Count + plan.ErrorCount;
        State.NewRows = plan.NewRows;
        State.UnchangedRows = plan.UnchangedRows;
        State.ErrorCount = plan.ErrorCount;
        State.Errors = [.. plan.Errors.Take(100)];
        State.HasResults = true;
        await SaveAsync(AuditEvent(actor, "roster-import.checked", Key.Id, new { State.TotalRows, State.NewRows, State.UnchangedRows, State.ErrorCount }));
        return ToInfo();
    }

    public async Task<RosterImportInfo> ApplyAsync(string actor)
    {
        RequireExists();
        switch (State.Status)
        {
            case RosterImportStatus.Applying or RosterImportStatus.Completed:
                return ToInfo();
            case RosterImportStatus.AwaitingUpload:
                throw CertGridException.Policy("Run the dry run first (dryRunImport): it shows what the file would change.");
            case RosterImportStatus.Rejected:
                throw CertGridException.Policy($"The dry run found {State.ErrorCount} rows with errors; fix them (the results file lists each) and import the corrected file.");
        }

        // Checked against the community of now, not that of the dry run: someone may have been enrolled since.
        _plan = null;
        var plan = await LoadPlanAsync();
        if (!plan.IsClean)
        {
            State.Status = RosterImportStatus.Rejected;
            State.ErrorCount = plan.ErrorCount;
            State.Errors = [.. plan.Errors.Take(100)];
            await SaveAsync(AuditEvent(actor, "roster-import.checked", Key.Id, new { State.ErrorCount }));
            throw CertGridException.Policy($"The community changed since the dry run: {plan.ErrorCount} rows have errors now (see the import's errors); fix them and import the corrected file.");
        }

        State.Status = RosterImportStatus.Applying;
        State.NewRows = plan.NewRows;
        State.UnchangedRows = plan.UnchangedRows;
        State.ProcessedRows = 0;
        State.UnchangedAtApply = plan.UnchangedRowBits();
        State.AppliedBy = actor;
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await SaveAsync(AuditEvent(actor, "roster-import.applying", Key.Id, new { State.NewRows, State.UnchangedRows }));
        ScheduleNextBatch();
        return ToInfo();
    }

    public Task<RosterImportInfo> GetAsync()
    {
        RequireExists();
        return Task.FromResult(ToInfo());
    }

    public async Task<Uri?> ResultsUrlAsync()
    {
        RequireExists();
        return State.HasResults ? await files.CreateReadUrlAsync(ResultsBlob, TimeSpan.FromMinutes(15)) : null;
    }

    public async Task<RosterImportInfo> ContinueAsync()
    {
        RequireExists();
        if (State.Status != RosterImportStatus.Applying)
        {
            return ToInfo();
        }

        var plan = await LoadPlanAsync();
        var first = (int)State.ProcessedRows;
        var batch = plan.Rows.Skip(first).Take(BatchSize).ToList();
        var application = new ImportApplication(GrainFactory, Community, Key.Id, State.AppliedBy);
        var created = 0;
        foreach (var group in batch.Where((_, i) => !ImportPlan.IsUnchanged(State.UnchangedAtApply, first + i)).Chunk(ParallelRows))
        {
            // Concurrent grain calls, awaited on the grain's own scheduler (never the thread pool).
            created += (await Task.WhenAll(group.Select(r => r.ApplyAsync(application)))).Count(done => done);
        }

        State.ProcessedRows += batch.Count;
        State.CreatedRows += created;
        if (State.ProcessedRows < plan.Rows.Count)
        {
            await SaveAsync();
            return ToInfo();
        }

        await files.WriteAsync(ResultsBlob, ImportResultsFile.Write(plan.Results(State.ProcessedRows, State.UnchangedAtApply)), ImportResultsFile.ContentType);
        State.Status = RosterImportStatus.Completed;
        State.CompletedAt = Now;
        await SaveAsync(AuditEvent(State.AppliedBy, "roster-import.completed", Key.Id, new { State.CreatedRows, State.UnchangedRows }));
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return ToInfo();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already scheduled the next batch when the import is being applied; this only keeps a stopped silo's import going.
        ScheduleNextBatch();
        return Task.CompletedTask;
    }

    private void ScheduleNextBatch()
    {
        if (_passScheduled || State.Status != RosterImportStatus.Applying)
        {
            return;
        }

        _passScheduled = true;
        this.RegisterGrainTimer(async _ =>
        {
            _passScheduled = false;
            try
            {
                await ContinueAsync();
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "A batch of roster import {Community}/{Import} failed; it is tried again", Community, Key.Id);
                await Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None);
            }

            ScheduleNextBatch();
        }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private async Task<ImportPlan> LoadPlanAsync()
    {
        if (_plan is not null)
        {
            return _plan;
        }

        var content = await files.ReadAllAsync(SourceBlob, ImportFileReader.MaxBytes)
            ?? throw CertGridException.Policy($"No file was uploaded for import '{Key.Id}' yet (or it is larger than {ImportFileReader.MaxBytes} bytes); PUT it to the upload URL first.");
        var planning = new ImportPlanning(content, ImportFileReader.FormatOf(State.FileName), GrainFactory, storage, Community, Key.Id, Now);
        return _plan = await planning.PlanAsync(State.Kind);
    }

    private void RequireExists()
    {
        if (!RecordExists)
        {
            throw CertGridException.NotFound("Import", Key.Id);
        }
    }

    private RosterImportInfo ToInfo() => new(Key.Id, State.FileName, State.Status, State.TotalRows, State.NewRows, State.UnchangedRows,
        State.ErrorCount, State.Errors, State.ProcessedRows, State.CreatedRows, State.CreatedAt, State.CompletedAt, State.Kind);
}
