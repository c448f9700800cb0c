using Azure.Data.Tables;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Which events an append-only log of a community already holds. The audit chain and the event feed both keep, beside
/// each entry, a marker row (<c>k|</c> + the event's id) carrying the sequence the event got, added in the same table
/// batch, so a batch bringing an event again fails on its marker. The log then asks here for every event of the batch at
/// once and drops all that are there: after a silo loss, resumed grains bring back many events at a time, and dropping
/// one per failed batch would run out of attempts.
/// </summary>
internal static class LoggedEvents
{
    /// <summary>The marker's column with the event's sequence (<c>AuditRow.Sequence</c>, <c>EventFeedRow.Sequence</c>).</summary>
    private const string SequenceColumn = "Sequence";

    /// <summary>The sequence of each of <paramref name="eventIds"/> already in the log (point reads, side by side).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> FindAsync(TableClient table, string community, string markerPrefix, IReadOnlyList<string> eventIds)
    {
        var markers = await Task.WhenAll(eventIds.Select(id =>
            table.GetEntityIfExistsAsync<TableEntity>(community, markerPrefix + id, select: [SequenceColumn])));
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < eventIds.Count; i++)
        {
            if (markers[i].HasValue && markers[i].Value!.GetInt64(SequenceColumn) is { } sequence)
            {
                found[eventIds[i]] = sequence;
            }
        }

        return found;
    }
}
