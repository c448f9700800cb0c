using Azure.Data.Tables;
using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>Pages a community's event feed from its partition of the events table, in sequence order; never asks a grain.</summary>
[StatelessWorker]
public sealed class EventFeedReaderGrain(StorageClients storage) : Grain, IEventFeedReaderGrain
{
    private readonly TableClient _table = storage.Table(storage.Names.EventsTable);

    public async Task<EventFeedPage> ReadAsync(long after, int first, IReadOnlySet<string>? types)
    {
        var community = this.GetPrimaryKeyString();
        var from = EventFeedRow.EntryKey(after);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey gt {from} and RowKey lt {EventFeedRow.EntryPrefix + '\uffff'}");
        if (types is { Count: > 0 })
        {
            filter += " and (" + string.Join(" or ", types.Select(t => TableClient.CreateQueryFilter($"Type eq {t}"))) + ")";
        }

        var rows = new List<FeedEvent>(first + 1);
        await foreach (var row in _table.QueryAsync<EventFeedRow>(filter, maxPerPage: Math.Min(first + 1, 1000)))
        {
            rows.Add(row.ToFeedEvent());
            if (rows.Count > first)
            {
                break;
            }
        }

        var page = rows.Take(first).ToList();
        return new EventFeedPage(page, page.Count > 0 ? page[^1].Cursor : FeedCursor.Of(after), rows.Count > first);
    }
}
