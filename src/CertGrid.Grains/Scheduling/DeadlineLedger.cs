using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// A community's deadlines in the Deadlines table, written by its deadline bucket alone: each change is one batch of a
/// few small rows in the community's partition (atomic), with the count row guarded by its ETag, so a change costs the
/// same few hundred bytes however many deadlines the community has. Being the only writer, it remembers the rows it
/// wrote or read (up to <see cref="RowsRemembered"/>), so moving or cancelling a deadline it knows costs no read.
/// </summary>
internal sealed class DeadlineLedger(StorageClients storage, string community)
{
    /// <summary>About 300 bytes each: a few megabytes for a community with that many open deadlines.</summary>
    private const int RowsRemembered = 10_000;

    private readonly TableClient _table = storage.Table(storage.Names.DeadlinesTable);
    private readonly Dictionary<string, DeadlineRow?> _known = new(StringComparer.Ordinal);
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
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = await _table.GetEntityIfExistsAsync<DeadlineRow>(community, key);
        Remember(key, found.HasValue ? found.Value : null);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Stores a deadline (new, or replacing <paramref name="existing"/>), due or dispatched again at <paramref name="fallsAt"/>.</summary>
    public Task PutAsync(ScheduledDeadline deadline, DeadlineRow? existing, DateTimeOffset? dispatchedAt, DateTimeOffset fallsAt)
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
        return CommitAsync(actions, existing is null ? 1 : 0, (dispatchedAt is not null ? 1 : 0) - wasDispatched, byWhat.RowKey, byWhat);
    }

    public Task RemoveAsync(DeadlineRow existing) => CommitAsync(
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

    private async Task CommitAsync(List<TableTransactionAction> actions, int scheduled, int dispatched, string key, DeadlineRow? stored)
    {
        // Forgotten first: if the batch fails, the next change reads what storage holds.
        _known.Remove(key);
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

        Remember(key, stored);
    }

    private void Remember(string key, DeadlineRow? row)
    {
        if (_known.Count >= RowsRemembered)
        {
            _known.Clear();
        }

        _known[key] = row;
    }
}
