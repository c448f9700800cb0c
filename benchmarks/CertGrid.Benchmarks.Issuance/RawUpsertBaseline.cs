using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// The floor under issuance: Azure Table upserts of an entity the size of a stored credential (one binary property
/// per 64 KiB, as the grain-state provider splits state), on the same Azurite and through the same storage client, with
/// the same number in flight, each a new row.
/// </summary>
public static class RawUpsertBaseline
{
    public sealed record Result(int Concurrency, int EntityBytes, long Upserts, double Seconds, double PerSecond, double P50Ms, double P99Ms)
    {
        /// <summary>CPU used over the run by the benchmark's process and by Azurite.</summary>
        public CpuMeter.Window? Cpu { get; init; }
    }

    public static async Task<Result> RunAsync(StorageClients storage, int entityBytes, int concurrency, TimeSpan duration, CpuMeter? cpu = null)
    {
        var table = storage.Table(storage.Options.NamePrefix + "RawUpserts");
        await table.CreateIfNotExistsAsync();
        var payload = new byte[entityBytes];
        Random.Shared.NextBytes(payload);
        var latencies = new List<double>();
        var cpuWindow = cpu?.Start();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var entity = new TableEntity("issuance", Guid.NewGuid().ToString("N"));
                foreach (var (chunk, i) in payload.Chunk(64 * 1024).Select((c, i) => (c, i)))
                {
                    entity[$"Data{i}"] = chunk;
                }

                var started = Stopwatch.GetTimestamp();
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        });
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        return new Result(concurrency, entityBytes, sorted.Count, seconds, sorted.Count / seconds, DecisionRun.Percentile(sorted, 0.5), DecisionRun.Percentile(sorted, 0.99))
        {
            Cpu = cpuWindow?.Stop(),
        };
    }
}
