using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// The floor under issuance: Azure Table upserts of an entity the size of a stored credential (one binary property
/// per 64 KiB, as the grain-state provider splits state), on the same Azurite and through the same storage client, with
/// the same number in flight, each a new row. <see cref="RunPathFloorAsync"/> measures, the same way, what the issue's
/// own bound on the critical path costs by itself: the decision's write and the signed credential's write, and nothing
/// else an issuance needs.
/// </summary>
public static class RawUpsertBaseline
{
    /// <summary>
    /// Units completed (one upsert for the baseline; the requests of a path floor) per second, each unit's latency, and
    /// the CPU used. <paramref name="EntityBytes"/> is what one unit writes in all.
    /// </summary>
    public sealed record Result(int Concurrency, int EntityBytes, long Upserts, double Seconds, double PerSecond, double P50Ms, double P99Ms)
    {
        /// <summary>CPU used over the run by the benchmark's process and by Azurite.</summary>
        public CpuMeter.Window? Cpu { get; init; }

        /// <summary>What a round sends: each request's entity sizes (one: an upsert; several: one table batch in one partition).</summary>
        public IReadOnlyList<IReadOnlyList<int>> Requests { get; init; } = [];

        /// <summary>Units (issuances, for a path floor) a round stands for; latencies are per round.</summary>
        public int UnitsPerRound { get; init; } = 1;
    }

    public static Task<Result> RunAsync(StorageClients storage, int entityBytes, int concurrency, TimeSpan duration, CpuMeter? cpu = null) =>
        RunUnitsAsync(storage, [[entityBytes]], 1, concurrency, duration, cpu);

    /// <summary>
    /// The two writes the issue allows from decision to stored credential, of the sizes measured in this run (the
    /// attempt's state, then the credential's), with no grain, signature, audit entry, read model or renewal around them:
    /// as two upserts one after the other (as the grain states are stored), or with <paramref name="asOneBatch"/> as one
    /// table batch (a layout that kept a decision and its credential in one partition).
    /// </summary>
    public static Task<Result> RunPathFloorAsync(
        StorageClients storage, int decisionBytes, int credentialBytes, bool asOneBatch, int concurrency, TimeSpan duration, CpuMeter? cpu = null) =>
        RunUnitsAsync(storage, asOneBatch ? [[decisionBytes, credentialBytes]] : [[decisionBytes], [credentialBytes]], 1, concurrency, duration, cpu);

    /// <summary>
    /// The same two writes of <paramref name="issuances"/> issuances in one table batch, <paramref name="concurrency"/>
    /// batches in flight: more sharing, and more in flight, than a design storing a community's decisions and
    /// credentials together could have with that many decisions in flight (a table batch holds 100 rows of one partition).
    /// </summary>
    public static Task<Result> RunSharedPathFloorAsync(
        StorageClients storage, int decisionBytes, int credentialBytes, int issuances, int concurrency, TimeSpan duration, CpuMeter? cpu = null) =>
        RunUnitsAsync(storage, [[.. Enumerable.Range(0, issuances).SelectMany(_ => new[] { decisionBytes, credentialBytes })]], issuances, concurrency, duration, cpu);

    /// <summary>Sends <paramref name="requests"/> one after the other, again and again, from each of <paramref name="concurrency"/> workers; a round counts as <paramref name="unitsPerRound"/> units.</summary>
    private static async Task<Result> RunUnitsAsync(
        StorageClients storage, IReadOnlyList<IReadOnlyList<int>> requests, int unitsPerRound, int concurrency, TimeSpan duration, CpuMeter? cpu)
    {
        var table = storage.Table(storage.Options.NamePrefix + "RawUpserts");
        await table.CreateIfNotExistsAsync();
        var payload = new byte[requests.SelectMany(r => r).Max()];
        Random.Shared.NextBytes(payload);
        var latencies = new List<double>();
        var cpuWindow = cpu?.Start();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                foreach (var request in requests)
                {
                    if (request.Count == 1)
                    {
                        await table.UpsertEntityAsync(Entity(request[0]), TableUpdateMode.Replace);
                    }
                    else
                    {
                        await table.SubmitTransactionAsync(request.Select(bytes =>
                            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(bytes))));
                    }
                }

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
        return new Result(concurrency, requests.SelectMany(r => r).Sum() / unitsPerRound, sorted.Count * unitsPerRound, seconds, sorted.Count * unitsPerRound / seconds,
            DecisionRun.Percentile(sorted, 0.5), DecisionRun.Percentile(sorted, 0.99))
        {
            Cpu = cpuWindow?.Stop(),
            Requests = requests,
            UnitsPerRound = unitsPerRound,
        };

        // Every row in one partition, as the baseline always had (a batch needs one); row keys are new, so nothing is replaced.
        TableEntity Entity(int bytes)
        {
            var entity = new TableEntity("issuance", Guid.NewGuid().ToString("N"));
            foreach (var (chunk, i) in payload[..bytes].Chunk(64 * 1024).Select((c, i) => (c, i)))
            {
                entity[$"Data{i}"] = chunk;
            }

            return entity;
        }
    }
}
