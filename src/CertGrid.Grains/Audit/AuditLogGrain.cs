using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Audit;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Privacy;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Audit;

/// <summary>
/// The single writer of a community's audit chain. The chain lives in the audit table, not in grain state:
/// each append is one atomic batch (entries, an idempotency marker per event, and the head guarded by its
/// ETag), so a duplicate event is refused by the table itself and two activations can never fork the chain.
/// Appends interleave: the events of every caller that arrives while a batch is in flight go out together in the
/// next batch (<see cref="GroupCommit"/>), and each caller returns once the batch carrying its events is stored.
/// </summary>
public sealed class AuditLogGrain(StorageClients storage, ILogger<AuditLogGrain> logger) : Grain, IAuditLogGrain
{
    /// <summary>Table batches hold 100 operations: 2 per event plus the head.</summary>
    private const int EventsPerBatch = 49;

    private readonly TableClient _table = storage.Table(storage.Names.AuditTable);
    private readonly List<AuditEvent> _pending = [];
    private GroupCommit? _commit;
    private ChainHead _head = ChainHead.Empty;
    private ETag? _headETag;

    private string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadHeadAsync(cancellationToken);

    public Task AppendAsync(IReadOnlyList<AuditEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        _pending.AddRange(events);
        return (_commit ??= new GroupCommit(AppendPendingAsync)).CommitAsync();
    }

    /// <summary>Appends what the callers since the last batch brought, in the order they brought it (an event brought twice once).</summary>
    private async Task AppendPendingAsync()
    {
        var events = _pending.DistinctBy(e => e.EventId).ToList();
        _pending.Clear();
        foreach (var chunk in events.Chunk(EventsPerBatch))
        {
            await AppendBatchAsync(chunk.ToList());
        }
    }

    private async Task AppendBatchAsync(List<AuditEvent> pending)
    {
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var entries = new List<AuditEntry>(pending.Count);
            var head = _head;
            foreach (var evt in pending)
            {
                var entry = AuditChain.Append(head, evt, AuditChain.NewSalt());
                entries.Add(entry);
                head = ChainHead.Of(entry);
            }

            var actions = new List<TableTransactionAction>(entries.Count * 2 + 1);
            foreach (var entry in entries)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditRow.Marker(Community, entry.EventId, entry.Sequence)));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditRow.Entry(Community, entry)));
            }

            actions.Add(_headETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, AuditRow.Head(Community, head), etag)
                : new TableTransactionAction(TableTransactionActionType.Add, AuditRow.Head(Community, head)));

            try
            {
                var response = await _table.SubmitTransactionAsync(actions);
                _head = head;
                _headETag = response.Value[^1].Headers.ETag;
                return;
            }
            catch (TableTransactionFailedException ex) when (attempt < 10)
            {
                var failed = ex.FailedTransactionActionIndex;
                if (failed is { } index && index < actions.Count - 1 && actions[index].Entity.RowKey.StartsWith(AuditRow.MarkerPrefix, StringComparison.Ordinal))
                {
                    // The event is already in the chain (a retry after a restart), and so may others be: drop them all, append the rest.
                    var recorded = await LoggedEvents.FindAsync(_table, Community, AuditRow.MarkerPrefix, pending.ConvertAll(e => e.EventId));
                    logger.LogDebug("Audit event {EventId} of {Community} and {More} more of its batch are already recorded", entries[index / 2].EventId, Community, recorded.Count - 1);
                    pending.RemoveAll(e => recorded.ContainsKey(e.EventId));
                }
                else
                {
                    // Someone else moved the head (a previous activation's write landed): reload and retry.
                    logger.LogInformation("Audit head of {Community} moved ({Status}); reloading", Community, ex.Status);
                }

                await LoadHeadAsync(CancellationToken.None);
            }
        }
    }

    public async Task<int> ErasePayloadsAsync(IReadOnlyCollection<string> mentions)
    {
        // A full scan of the community's entries: erasure is rare, and a mention can sit in any entry's actor, subject or details.
        var erased = 0;
        await foreach (var row in storage.ReadModel(storage.Names.AuditTable).ScanAsync<AuditRow>(Community, AuditRow.EntryPrefix))
        {
            var entry = row.ToEntry();
            if (entry.PayloadErased || entry.Action == ErasurePlan.ErasedAction || !AuditMentions.Any(entry, mentions))
            {
                continue;
            }

            var kept = AuditRow.Entry(Community, AuditChain.ErasePayload(entry));
            await _table.UpdateEntityAsync(kept, row.ETag, TableUpdateMode.Replace);
            erased++;
        }

        logger.LogInformation("Erased the details of {Count} audit entries of {Community}", erased, Community);
        return erased;
    }

    private async Task LoadHeadAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<AuditRow>(Community, AuditRow.HeadKey, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value is { } head)
        {
            _head = new ChainHead(head.Sequence, head.Hash ?? AuditChain.Genesis);
            _headETag = head.ETag;
        }
        else
        {
            _head = ChainHead.Empty;
            _headETag = null;
        }
    }
}
