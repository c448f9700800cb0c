using Azure;
using Azure.Data.Tables;
using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>
/// The single writer of a community's event feed. The feed lives in its table, not in grain state: each append is one
/// atomic batch (per event an idempotency marker and the entry, and the head guarded by its ETag), so an event appended
/// twice is refused by the table itself and two activations can never give two events one sequence number.
/// Appends interleave: the events of every caller that arrives while a batch is in flight go out together in the
/// next batch (<see cref="GroupCommit"/>); each caller returns once that batch is stored and hands its own events on.
/// </summary>
public sealed class EventFeedGrain(StorageClients storage, EventWebhookOutbox webhooks, IEventFeedAnnouncer announcer, ILogger<EventFeedGrain> logger) : Grain, IEventFeedGrain
{
    /// <summary>Table batches hold 100 operations: 2 per event plus the head.</summary>
    private const int EventsPerBatch = 49;

    private readonly TableClient _table = storage.Table(storage.Names.EventsTable);
    private readonly List<DomainEvent> _pending = [];
    private GroupCommit? _commit;
    private Dictionary<string, FeedEvent> _nextPlaced = new(StringComparer.Ordinal);
    private long _head;
    private ETag? _headETag;

    private string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadHeadAsync(cancellationToken);

    public async Task AppendAsync(IReadOnlyList<DomainEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        // The batch that carries these events fills this map with each event's place in the feed.
        var placed = _nextPlaced;
        _pending.AddRange(events);
        await (_commit ??= new GroupCommit(AppendPendingAsync)).CommitAsync();
        var handedOn = events.DistinctBy(e => e.Id).Select(e => placed[e.Id]).ToList();

        announcer.Announce(Community, _head);

        await webhooks.QueueAsync(GrainFactory, Community, handedOn);
    }

    /// <summary>
    /// Appends what the callers since the last batch brought (an event brought twice once) and records each event's place
    /// for its callers. Takes the pending events before its first await, so they are exactly those of the callers
    /// that <see cref="GroupCommit"/> hands this write.
    /// </summary>
    private async Task AppendPendingAsync()
    {
        var placed = _nextPlaced;
        _nextPlaced = new Dictionary<string, FeedEvent>(StringComparer.Ordinal);
        var events = _pending.DistinctBy(e => e.Id).ToList();
        _pending.Clear();
        foreach (var chunk in events.Chunk(EventsPerBatch))
        {
            foreach (var feed in await AppendBatchAsync(chunk.ToList()))
            {
                placed[feed.Event.Id] = feed;
            }
        }
    }

    /// <summary>Appends the events, and returns each at its place in the feed (one appended before at the place it got then).</summary>
    private async Task<List<FeedEvent>> AppendBatchAsync(List<DomainEvent> pending)
    {
        var placed = new List<FeedEvent>(pending.Count);
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var appended = pending.Select((evt, i) => new FeedEvent(_head + i + 1, evt)).ToList();
            var head = _head + appended.Count;
            var actions = new List<TableTransactionAction>(appended.Count * 2 + 1);
            foreach (var feed in appended)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventFeedRow.Marker(Community, feed.Event.Id, feed.Sequence)));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, EventFeedRow.Entry(Community, feed)));
            }

            actions.Add(_headETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, EventFeedRow.Head(Community, head), etag)
                : new TableTransactionAction(TableTransactionActionType.Add, EventFeedRow.Head(Community, head)));

            try
            {
                var response = await _table.SubmitTransactionAsync(actions);
                _head = head;
                _headETag = response.Value[^1].Headers.ETag;
                placed.AddRange(appended);
                return placed;
            }
            catch (TableTransactionFailedException ex) when (attempt < 10)
            {
                if (ex.FailedTransactionActionIndex is { } index && index < actions.Count - 1
                    && actions[index].Entity.RowKey.StartsWith(EventFeedRow.MarkerPrefix, StringComparison.Ordinal))
                {
                    // Already in the feed (an effect applied again), and so may others be: drop them all (at the place each
                    // got then) and append the rest.
                    var recorded = await LoggedEvents.FindAsync(_table, Community, EventFeedRow.MarkerPrefix, pending.ConvertAll(e => e.Id));
                    logger.LogDebug("Event {EventId} of {Community} and {More} more of its batch are already in the feed", appended[index / 2].Event.Id, Community, recorded.Count - 1);
                    placed.AddRange(pending.Where(e => recorded.ContainsKey(e.Id)).Select(e => new FeedEvent(recorded[e.Id], e)));
                    pending.RemoveAll(e => recorded.ContainsKey(e.Id));
                }
                else
                {
                    logger.LogInformation("Event feed head of {Community} moved ({Status}); reloading", Community, ex.Status);
                }

                await LoadHeadAsync(CancellationToken.None);
            }
        }

        return placed;
    }

    private async Task LoadHeadAsync(CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<EventFeedRow>(Community, EventFeedRow.HeadKey, cancellationToken: cancellationToken);
        (_head, _headETag) = row.HasValue && row.Value is { } head ? (head.Sequence, head.ETag) : (0L, (ETag?)null);
    }
}
