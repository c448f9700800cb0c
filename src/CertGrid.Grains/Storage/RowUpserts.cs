using Azure;
using Azure.Data.Tables;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Storage;

/// <summary>
/// A silo's upserts of one table's rows, sent together: per partition (a community) one request is in flight, and the rows
/// of every writer that arrives meanwhile go out in the next table batch (<see cref="CallBatches{TItem}"/>), so under load
/// the read models' rows of many events share a request. A writer returns once the request carrying its rows succeeded;
/// its rows are stored together (one batch is atomic). A row written twice in one batch is written as the later writer
/// left it, as one after the other would have. A lone row goes out as a plain upsert, which costs storage less than a
/// batch of one. A batch the table rejects (a row too large, a bad key) is sent again writer by writer, so a bad row
/// fails only its own writer; a batch that failed for storage being down or slow fails all its writers, who retry.
/// </summary>
public sealed class RowUpserts
{
    /// <summary>Writers at once per request, each bringing a few rows (a batch holds <see cref="TableBatch.MaxOperations"/>).</summary>
    private const int MaxWritersPerBatch = 40;

    private readonly TableClient _table;
    private readonly CallBatches<IReadOnlyList<ITableEntity>> _batches;

    public RowUpserts(TableClient table)
    {
        _table = table;
        _batches = new CallBatches<IReadOnlyList<ITableEntity>>(SendAsync, MaxWritersPerBatch, IsRejection);
    }

    /// <summary>Replaces (or adds) rows of one partition, stored together.</summary>
    public Task UpsertAsync(IReadOnlyList<ITableEntity> rows)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var partition = rows[0].PartitionKey;
        if (rows.Count > TableBatch.MaxOperations || rows.Any(r => r.PartitionKey != partition))
        {
            throw new ArgumentException($"Rows written together share one partition and number at most {TableBatch.MaxOperations}.", nameof(rows));
        }

        return _batches.SendAsync(partition, rows);
    }

    /// <summary>A request the table answered with a refusal of what was sent (4xx), not with being unavailable or slow.</summary>
    private static bool IsRejection(Exception ex) => ex is RequestFailedException { Status: >= 400 and < 500 and not 408 and not 429 };

    private async Task SendAsync(string partition, IReadOnlyList<IReadOnlyList<ITableEntity>> writers)
    {
        // Writers' rows split over as few batches as hold them, each writer's rows within one batch; the later of two
        // writes of a row wins (a batch may not touch a row twice).
        var batch = new Dictionary<string, ITableEntity>(StringComparer.Ordinal);
        foreach (var rows in writers)
        {
            if (batch.Count + rows.Count > TableBatch.MaxOperations)
            {
                await WriteAsync([.. batch.Values]);
                batch.Clear();
            }

            foreach (var row in rows)
            {
                batch[row.RowKey] = row;
            }
        }

        await WriteAsync([.. batch.Values]);
    }

    private async Task WriteAsync(List<ITableEntity> rows)
    {
        if (rows.Count == 1)
        {
            await _table.UpsertEntityAsync(rows[0], TableUpdateMode.Replace);
        }
        else if (rows.Count > 1)
        {
            await _table.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        }
    }
}
