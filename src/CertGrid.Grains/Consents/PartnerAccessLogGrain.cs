using Azure.Data.Tables;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Retries;
using CertGrid.Grains.Retries;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Consents;

/// <summary>
/// Writes and lists a community's partner-access log. Entries recorded while a write is in flight share the next
/// write (one row as a plain insert, more as table batches of up to 100 rows); each caller returns only once its entries are stored.
/// </summary>
[StatelessWorker(1), Reentrant]
public sealed class PartnerAccessLogGrain(StorageClients storage, ILogger<PartnerAccessLogGrain> logger) : Grain, IPartnerAccessLogGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.PartnerAccessTable);
    private List<PartnerAccessRow> _pending = [];
    private TaskCompletionSource? _next;
    private Task _writing = Task.CompletedTask;
    private bool _retentionScheduled;

    private string Community => this.GetPrimaryKeyString();

    public Task RecordAsync(IReadOnlyList<PartnerAccessEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        _pending.AddRange(entries.Select(e => PartnerAccessRow.From(Community, e)));
        var stored = (_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        if (_writing.IsCompleted)
        {
            _writing = WritePendingAsync();
        }

        return stored;
    }

    public async Task RecordMessageAsync(PartnerAccessEntry message)
    {
        var operation = RetriedOperation.Take();
        await OperationMarkerRow.SubmitOnceAsync(_table.Client, Community, operation,
            [new TableTransactionAction(TableTransactionActionType.Add, PartnerAccessRow.From(Community, message))]);
        await EnsureRetentionAsync();
    }

    public Task<Page<PartnerAccessEntry>> ListAsync(string learnerId, bool messages, PageRequest page) =>
        _table.PageAsync<PartnerAccessRow, PartnerAccessEntry>(Community, PartnerAccessRow.Prefix(learnerId, messages), page, row => row.ToEntry());

    /// <summary>The community's daily retention sweep is scheduled once the log holds anything (asked once per activation).</summary>
    private async Task EnsureRetentionAsync()
    {
        if (_retentionScheduled)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IPartnerAccessRetentionGrain>(Community).EnsureScheduledAsync();
            _retentionScheduled = true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Scheduling the partner-access retention sweep of {Community} failed; the next write tries again", Community);
        }
    }

    /// <summary>
    /// One row (a search page's holder in this community, the usual case) is a plain insert: the same one storage
    /// transaction without a batch's multipart envelope, which costs Azurite several times more and made the slowest of a
    /// page's writes the search's p99 (docs/benchmarks.md). More rows go in batches of up to 100, each all or nothing.
    /// </summary>
    private async Task StoreAsync(List<PartnerAccessRow> rows)
    {
        if (rows.Count == 1)
        {
            await _table.Client.AddEntityAsync(rows[0]);
            return;
        }

        foreach (var chunk in rows.Chunk(TableBatch.MaxOperations))
        {
            await _table.Client.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        }
    }

    private async Task WritePendingAsync()
    {
        while (_pending.Count > 0)
        {
            var rows = _pending;
            var done = _next!;
            _pending = [];
            _next = null;
            try
            {
                await StoreAsync(rows);
                done.SetResult();
                await EnsureRetentionAsync();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Writing {Count} partner-access entries of {Community} failed", rows.Count, Community);
                done.SetException(new CertGridException(ErrorCode.Unavailable, "The access log could not be written, so nothing was read; try again shortly."));
            }
        }
    }
}
