using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// What one request of each kind an issuance sends costs Azurite in CPU, on the same Azurite in the same run: single-row
/// upserts, table batches of 1 to 30 rows, point reads that find a row and that find none. Tells how much sharing a
/// batch saves (the per-request part) against what each row still costs.
/// </summary>
public static class AzuriteRequestCosts
{
    /// <summary>One kind of request: requests per second, and Azurite's CPU per request and per row.</summary>
    public sealed record Kind(string Name, int Rows, double PerSecond, double AzuriteMsPerRequest)
    {
        public double AzuriteMsPerRow => AzuriteMsPerRequest / Math.Max(1, Rows);
    }

    public static async Task<IReadOnlyList<Kind>> MeasureAsync(StorageClients storage, CpuMeter cpu, int concurrency, int requests)
    {
        var table = storage.Table(storage.Options.NamePrefix + "RequestCosts");
        await table.CreateIfNotExistsAsync();
        var row = new byte[700]; // about an audit entry or a read-model row
        Random.Shared.NextBytes(row);
        TableEntity Row(string partition) => new(partition, Guid.NewGuid().ToString("N")) { ["Data"] = row };
        TableTransactionAction[] Batch(string partition, int rows) =>
            [.. Enumerable.Range(0, rows).Select(_ => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(partition)))];
        await table.UpsertEntityAsync(new TableEntity("found", "row") { ["Data"] = row });

        var kinds = new List<Kind>
        {
            await MeasureOneAsync("upsert of one row", 1, i => table.UpsertEntityAsync(Row($"u{i % 50}"), TableUpdateMode.Replace)),
            await MeasureOneAsync("batch of 1 row", 1, i => table.SubmitTransactionAsync(Batch($"b{i % 50}", 1))),
            await MeasureOneAsync("batch of 3 rows", 3, i => table.SubmitTransactionAsync(Batch($"c{i % 50}", 3))),
            await MeasureOneAsync("batch of 10 rows", 10, i => table.SubmitTransactionAsync(Batch($"d{i % 50}", 10))),
            await MeasureOneAsync("batch of 30 rows", 30, i => table.SubmitTransactionAsync(Batch($"e{i % 50}", 30))),
            await MeasureOneAsync("point read, found", 1, i => table.GetEntityIfExistsAsync<TableEntity>("found", "row")),
            await MeasureOneAsync("point read, not found", 1, i => table.GetEntityIfExistsAsync<TableEntity>("missing", $"row{i}")),
        };
        return kinds;

        async Task<Kind> MeasureOneAsync(string name, int rows, Func<int, Task> send)
        {
            var count = Math.Max(200, requests / rows);
            for (var i = 0; i < 50; i++)
            {
                await send(i); // warm the connection pool and Azurite's path
            }

            var next = 0;
            var window = cpu.Start();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) <= count)
                {
                    await send(i);
                }
            }));
            var used = window.Stop();
            return new Kind(name, rows, count / clock.Elapsed.TotalSeconds, used.MsPer(count).Azurite);
        }
    }
}
