using System.Buffers.Text;
using System.Text;
using ETag = Azure.ETag;
using Azure.Data.Tables;
using CertGrid.Abstractions.Paging;

namespace CertGrid.Grains.Storage;

/// <summary>
/// A read model kept in an Azure Table and partitioned by community: the partition key is the community id,
/// so one community's rows can never come back for another. Pages are ranges of row keys after an opaque cursor. Get one
/// from <see cref="StorageClients.ReadModel"/>: a silo's writers of a table share its <see cref="RowUpserts"/>.
/// </summary>
public sealed class ReadModelTable(TableClient table, RowUpserts upserts)
{
    public TableClient Client => table;

    /// <summary>Replaces (or adds) a row; returns once it is stored, perhaps in one request with other writers' rows.</summary>
    public Task UpsertAsync(ITableEntity row) => upserts.UpsertAsync([row]);

    /// <summary>Replaces (or adds) rows of one community, stored together.</summary>
    public Task UpsertAsync(IReadOnlyList<ITableEntity> rows) => upserts.UpsertAsync(rows);

    /// <summary>Deletes a row of the community; a row that is not there is already deleted.</summary>
    public Task DeleteAsync(string community, string rowKey, CancellationToken cancellationToken = default) =>
        table.DeleteEntityAsync(community, rowKey, ETag.All, cancellationToken);

    public async Task<T?> FindAsync<T>(string community, string rowKey, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await table.GetEntityIfExistsAsync<T>(community, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Rows of the community whose row key starts with <paramref name="rowKeyPrefix"/>, in row-key order.</summary>
    public async Task<Page<TItem>> PageAsync<TRow, TItem>(
        string community, string rowKeyPrefix, PageRequest page, Func<TRow, TItem> map, string? extraFilter = null, CancellationToken cancellationToken = default)
        where TRow : class, ITableEntity, new()
    {
        var after = DecodeCursor(page.After, rowKeyPrefix);
        var upperBound = rowKeyPrefix + '\uffff';
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey ge {rowKeyPrefix} and RowKey lt {upperBound}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey gt {after} and RowKey lt {upperBound}");
        if (extraFilter is not null)
        {
            filter = $"{filter} and ({extraFilter})";
        }

        var rows = new List<TRow>(page.First + 1);
        await foreach (var row in table.QueryAsync<TRow>(filter, maxPerPage: page.First + 1, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > page.First)
            {
                break;
            }
        }

        var hasMore = rows.Count > page.First;
        var items = rows.Take(page.First).ToList();
        var next = hasMore ? EncodeCursor(items[^1].RowKey) : null;
        return new Page<TItem>(items.Select(map).ToList(), next);
    }

    /// <summary>
    /// The rows of the community with these row keys (those that exist), each a point read, many at once. Not a filter of
    /// OR-ed row keys: Azure Tables (and Azurite) answer that with a scan of the whole partition, so looking up a 100,000-row
    /// file's keys in a community that already holds them took minutes per batch of queries (the same import run again).
    /// </summary>
    public async Task<IReadOnlyList<TRow>> FindManyAsync<TRow>(string community, IEnumerable<string> rowKeys, CancellationToken cancellationToken = default)
        where TRow : class, ITableEntity, new()
    {
        const int readsAtOnce = 32;
        var found = new System.Collections.Concurrent.ConcurrentBag<TRow>();
        await Parallel.ForEachAsync(rowKeys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = readsAtOnce, CancellationToken = cancellationToken }, async (rowKey, cancellation) =>
            {
                var row = await table.GetEntityIfExistsAsync<TRow>(community, rowKey, cancellationToken: cancellation);
                if (row.HasValue && row.Value is { } value)
                {
                    found.Add(value);
                }
            });
        return [.. found];
    }

    /// <summary>Every row of the community under a prefix, in order (for exports and chain verification).</summary>
    public async IAsyncEnumerable<TRow> ScanAsync<TRow>(
        string community, string rowKeyPrefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRow : class, ITableEntity, new()
    {
        var upperBound = rowKeyPrefix + '\uffff';
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {community} and RowKey ge {rowKeyPrefix} and RowKey lt {upperBound}");
        await foreach (var row in table.QueryAsync<TRow>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    public static string EncodeCursor(string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    private static string? DecodeCursor(string? cursor, string rowKeyPrefix)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var rowKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (rowKey.StartsWith(rowKeyPrefix, StringComparison.Ordinal))
            {
                return rowKey;
            }
        }
        catch (FormatException)
        {
        }

        throw CertGridException.Invalid("after", "'after' is not a cursor this list returned.");
    }
}

/// <summary>Marker base for read-model rows: partition key is the community, ETag and timestamp are the table's.</summary>
public abstract class ReadModelRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
