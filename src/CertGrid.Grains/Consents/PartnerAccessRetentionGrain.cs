using Azure.Data.Tables;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Consents;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Scheduling;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents;

/// <summary>
/// A community's partner-access log retention. The sweep is one deadline of the community's bucket (due daily), so a
/// community has one scheduled sweep however many learners and rows it has; it deletes the expired rows of the
/// community's partition in table batches of 100.
/// </summary>
public sealed class PartnerAccessRetentionGrain(
    [PersistentState("partner-access-retention", StorageNames.GrainStore)] IPersistentState<PartnerAccessRetentionState> state,
    StorageClients storage)
    : DurableGrain<PartnerAccessRetentionState>(state), IPartnerAccessRetentionGrain
{
    private readonly TableClient _table = storage.Table(storage.Names.PartnerAccessTable);

    protected override string Community => this.GetPrimaryKeyString();

    private int Days => State.Days ?? PartnerAccessRetention.DefaultDays;

    public async Task<PartnerAccessRetentionView> SetDaysAsync(int days, string actor)
    {
        var valid = PartnerAccessRetention.Validate(days, "days");
        if (State.Days != valid)
        {
            State.Days = valid;
            ScheduleNextSweep();
            await SaveAsync(AuditEvent(actor, "community.partner-access-retention-set", Community, new { days = valid }));
        }

        return View();
    }

    public Task<PartnerAccessRetentionView> GetAsync() => Task.FromResult(View());

    public async Task EnsureScheduledAsync()
    {
        if (!State.Scheduled)
        {
            ScheduleNextSweep();
            await SaveAsync();
        }
    }

    public Task SweepDueAsync() => SweepAsync();

    public async Task<int> SweepAsync()
    {
        var cutoff = PartnerAccessRetention.Cutoff(Now, Days);
        var removed = 0;
        var expired = _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Community} and At lt {cutoff}"), select: ["PartitionKey", "RowKey"]);
        var batch = new List<TableTransactionAction>(TableBatch.MaxOperations);
        await foreach (var row in expired)
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, Azure.ETag.All));
            if (batch.Count == TableBatch.MaxOperations)
            {
                removed += await DeleteAsync(batch);
            }
        }

        removed += await DeleteAsync(batch);
        State.LastSweptAt = Now;
        State.RemovedInLastSweep = removed;
        ScheduleNextSweep();
        AuditEvent[] events = removed == 0 ? [] : [AuditEvent(Actors.System, "community.partner-access-log-pruned", Community, new { removed, before = cutoff })];
        await SaveAsync(events);
        return removed;
    }

    private async Task<int> DeleteAsync(List<TableTransactionAction> batch)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await _table.SubmitTransactionAsync(batch);
        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private void ScheduleNextSweep()
    {
        State.Scheduled = true;
        Cause(new SyncDeadlines([new ScheduledDeadline(DeadlineKind.PartnerAccessRetentionDue, Community, "", Now + PartnerAccessRetention.SweepEvery)], []));
    }

    private PartnerAccessRetentionView View() => new(Days, State.LastSweptAt, State.RemovedInLastSweep);
}
