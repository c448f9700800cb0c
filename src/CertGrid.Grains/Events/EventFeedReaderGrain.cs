using Azure.Data.Tables;
using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;
using CertGrid.Grains.Consents;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>
/// Pages a community's event feed from its partition of the events table, in sequence order; never asks a grain. A
/// partner's page is filtered by what the events' learners share with it now (their rows in the consent shares table).
/// </summary>
[StatelessWorker]
public sealed class EventFeedReaderGrain(StorageClients storage) : Grain, IEventFeedReaderGrain
{
    /// <summary>The most events one partner page looks at before it answers with what it found (and <c>hasMore</c>).</summary>
    private const int PartnerScanLimit = 2_000;

    private const int PartnerScanBatch = 200;

    private readonly TableClient _table = storage.Table(storage.Names.EventsTable);
    private readonly ReadModelTable _shares = storage.ReadModel(storage.Names.ConsentSharesTable);

    private string Community => this.GetPrimaryKeyString();

    public async Task<EventFeedPage> ReadAsync(long after, int first, IReadOnlySet<string>? types)
    {
        var rows = await ReadRowsAsync(after, first + 1, types);
        var page = rows.Take(first).ToList();
        return new EventFeedPage(page, page.Count > 0 ? page[^1].Cursor : FeedCursor.Of(after), rows.Count > first);
    }

    public async Task<EventFeedPage> ReadForPartnerAsync(string partnerId, long after, int first, IReadOnlySet<string> types)
    {
        var seen = new List<FeedEvent>(first);
        var (position, scanned) = (after, 0);
        while (scanned < PartnerScanLimit)
        {
            var batch = await ReadRowsAsync(position, PartnerScanBatch, types);
            var learners = batch.Select(e => e.Event.Subject.LearnerId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var shares = learners.Count == 0 ? [] : (await _shares.FindManyAsync<ConsentSharesRow>(Community, learners)).ToDictionary(r => r.RowKey, r => r.ToShares(), StringComparer.Ordinal);
            foreach (var feed in batch)
            {
                position = feed.Sequence;
                scanned++;
                if (PartnerEventRule.Admits(feed.Event, partnerId, shares.GetValueOrDefault(feed.Event.Subject.LearnerId ?? string.Empty)))
                {
                    seen.Add(feed);
                    if (seen.Count == first)
                    {
                        return new EventFeedPage(seen, FeedCursor.Of(position), true);
                    }
                }
            }

            if (batch.Count < PartnerScanBatch)
            {
                return new EventFeedPage(seen, FeedCursor.Of(position), false);
            }
        }

        return new EventFeedPage(seen, FeedCursor.Of(position), true);
    }

    /// <summary>Up to <paramref name="count"/> events after <paramref name="after"/>, of the given types (null: all).</summary>
    private async Task<List<FeedEvent>> ReadRowsAsync(long after, int count, IReadOnlySet<string>? types)
    {
        var from = EventFeedRow.EntryKey(after);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Community} and RowKey gt {from} and RowKey lt {EventFeedRow.EntryPrefix + '\uffff'}");
        if (types is { Count: > 0 })
        {
            filter += " and (" + string.Join(" or ", types.Select(t => TableClient.CreateQueryFilter($"Type eq {t}"))) + ")";
        }

        var rows = new List<FeedEvent>(count);
        await foreach (var row in _table.QueryAsync<EventFeedRow>(filter, maxPerPage: Math.Min(count, 1000)))
        {
            rows.Add(row.ToFeedEvent());
            if (rows.Count == count)
            {
                break;
            }
        }

        return rows;
    }
}
