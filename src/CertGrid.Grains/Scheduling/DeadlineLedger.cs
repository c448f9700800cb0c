using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// A community's deadlines in the Deadlines table, written by its deadline bucket alone: each change is one batch of a
/// few small rows in the community's partition (atomic), with the count row guarded by its ETag, so a change costs the
/// same few hundred bytes however many deadlines the community has, and changes of several deadlines at once share a
/// batch (<see cref="CommitAsync"/>). Being the only writer, it remembers the rows it
/// wrote or read (the last <see cref="RowsRemembered"/> / 2 at least, <see cref="RecentlyKnown{TValue}"/>), so moving or
/// cancelling a deadline it knows costs no read.
/// </summary>
internal sealed class DeadlineLedger(StorageClients storage, string community)
{
    /// <summary>About 300 bytes each: a few megabytes for a community with that many open deadlines.</summary>
    private const int RowsRemembered = 10_000;

    /// <summary>At most three actions per change, and the count row: 33 changes fill a batch of 100.</summary>
    private const int ChangesPerBatch = 33;

    private readonly TableClient _table = storage.Table(storage.Names.DeadlinesTable);
    private readonly RecentlyKnown<DeadlineRow> _known = new(RowsRemembered);
    private DeadlineCountRow? _count;

    public int Scheduled => _count?.Scheduled ?? 0;

    public int Dispatched => _count?.Dispatched ?? 0;

    public async Task LoadAsync()
    {
        var found = await _table.GetEntityIfExistsAsync<DeadlineCountRow>(community, DeadlineCountRow.Key);
        _count = found.HasValue ? found.Value : null;
    }

    public async Task<DeadlineRow?> FindAsync(DeadlineKind kind, string target, string token)
    {
        var key = DeadlineRow.ByWhat(kind, target, token);
        if (_known.TryGet(key, out var known))
        {
            return known;
        }

        var found = await _table.GetEntityIfExistsAsync<DeadlineRow>(community, key);
        _known.Remember(key, found.HasValue ? found.Value : null);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>One change of the ledger: its table actions, what it does to the counts, and the row it leaves under its key (null: none).</summary>
    public sealed record Change(List<TableTransactionAction> Actions, int Scheduled, int Dispatched, string Key, DeadlineRow? Stored);

    /// <summary>Stores a deadline (new, or replacing <paramref name="existing"/>), due or dispatched again at <paramref name="fallsAt"/>.</summary>
    public Task PutAsync(ScheduledDeadline deadline, DeadlineRow? existing, DateTimeOffset? dispatchedAt, DateTimeOffset fallsAt) =>
        CommitAsync([Put(deadline, existing, dispatchedAt, fallsAt)]);

    public Task RemoveAsync(DeadlineRow existing) => CommitAsync([Remove(existing)]);

    /// <summary>The change that stores a deadline (new, or replacing <paramref name="existing"/>), falling at <paramref name="fallsAt"/>.</summary>
    public Change Put(ScheduledDeadline deadline, DeadlineRow? existing, DateTimeOffset? dispatchedAt, DateTimeOffset fallsAt)
    {
        var (byWhat, byTime) = DeadlineRow.Pair(community, deadline, dispatchedAt, fallsAt);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, byWhat),
            new(TableTransactionActionType.UpsertReplace, byTime),
        };
        if (existing is not null && existing.ByTimeKey != byTime.RowKey)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(community, existing.ByTimeKey), ETag.All));
        }

        var wasDispatched = existing?.DispatchedAt is not null ? 1 : 0;
        return new Change(actions, existing is null ? 1 : 0, (dispatchedAt is not null ? 1 : 0) - wasDispatched, byWhat.RowKey, byWhat);
    }

    /// <summary>The change that removes a stored deadline.</summary>
    public Change Remove(DeadlineRow existing) => new(
        [
            new(TableTransactionActionType.Delete, new TableEntity(community, existing.RowKey), ETag.All),
            new(TableTransactionActionType.Delete, new TableEntity(community, existing.ByTimeKey), ETag.All),
        ],
        -1, existing.DispatchedAt is not null ? -1 : 0, existing.RowKey, null);

    /// <summary>Deadlines that fall at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<List<DeadlineRow>> DueAsync(DateTimeOffset now)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey ge {DeadlineRow.ByTimePrefix} and RowKey le {DeadlineRow.ByTimeUntil(now)}");
        var due = new List<DeadlineRow>();
        await foreach (var row in _table.QueryAsync<DeadlineRow>(filter, maxPerPage: 1000))
        {
            due.Add(row);
        }

        return due;
    }

    /// <summary>When the next deadline falls (due, or dispatched again), or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> NextAsync()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey ge {DeadlineRow.ByTimePrefix} and RowKey lt {DeadlineRow.ByTimePrefix + "~"}");
        await foreach (var row in _table.QueryAsync<DeadlineRow>(filter, maxPerPage: 1))
        {
            return row.FallsAt;
        }

        return null;
    }

    /// <summary>
    /// Stores changes of different deadlines together: as many as a table batch holds (with the count row) in each
    /// batch, so a grain that moves several deadlines at once writes once.
    /// </summary>
    public async Task CommitAsync(IReadOnlyList<Change> changes)
    {
        foreach (var batch in changes.Chunk(ChangesPerBatch))
        {
            await CommitBatchAsync(batch);
        }
    }

    private async Task CommitBatchAsync(IReadOnlyList<Change> changes)
    {
        // Forgotten first: if the batch fails, the next change reads what storage holds.
        foreach (var change in changes)
        {
            _known.Forget(change.Key);
        }

        var (scheduled, dispatched) = (changes.Sum(c => c.Scheduled), changes.Sum(c => c.Dispatched));
        var actions = changes.SelectMany(c => c.Actions).ToList();
        var count = new DeadlineCountRow
        {
            PartitionKey = community,
            Scheduled = Scheduled + scheduled,
            Dispatched = Dispatched + dispatched,
        };
        if (scheduled != 0 || dispatched != 0 || _count is null)
        {
            actions.Add(_count is null
                ? new TableTransactionAction(TableTransactionActionType.Add, count)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, count, _count.ETag));
        }

        var response = await _table.SubmitTransactionAsync(actions);
        if (actions[^1].Entity is DeadlineCountRow)
        {
            count.ETag = response.Value[^1].Headers.ETag ?? ETag.All;
            _count = count;
        }

        foreach (var change in changes)
        {
            _known.Remember(change.Key, change.Stored);
        }
    }
}
