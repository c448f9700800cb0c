using Azure;
using Azure.Data.Tables;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Deletes rows of one partition, each only if it is still as read (its ETag): in table batches of up to 100 rows, one
/// request each. A batch fails whole when one of its rows changed or went; its rows are then deleted one by one, and
/// those that changed or went are left alone.
/// </summary>
internal static class GuardedDeletes
{
    /// <summary>Returns how many of <paramref name="rows"/> this call deleted.</summary>
    public static async Task<int> DeleteAsync<TRow>(TableClient table, IReadOnlyList<TRow> rows)
        where TRow : ITableEntity
    {
        var deleted = 0;
        foreach (var batch in rows.Chunk(TableBatch.MaxOperations))
        {
            deleted += await DeleteBatchAsync(table, batch);
        }

        return deleted;
    }

    private static async Task<int> DeleteBatchAsync<TRow>(TableClient table, TRow[] rows)
        where TRow : ITableEntity
    {
        if (rows.Length > 1)
        {
            try
            {
                await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)));
                return rows.Length;
            }
            catch (TableTransactionFailedException)
            {
                // One row changed or went since it was read (or the batch failed as a whole): one by one below.
            }
        }

        var deleted = await Task.WhenAll(rows.Select(async row =>
        {
            try
            {
                // The SDK answers a row that is not there with its 404 rather than an exception.
                return (await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag)).Status != 404;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                return false;
            }
        }));
        return deleted.Count(d => d);
    }
}
