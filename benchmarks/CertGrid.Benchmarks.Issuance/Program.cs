using System.Globalization;
using System.Text.Json;
using CertGrid.Benchmarks.Issuance;

// End-to-end issuance on one silo on Azurite (decision to stored, signed, verifiable credential), against raw Azure
// Table upserts of a credential-sized entity in the same run, with every storage request counted at the SDK pipeline.
// Run it with benchmarks/issuance.sh; results are printed and written to benchmarks/results/ after every phase.
var options = IssuanceOptions.Parse(args);
Console.WriteLine($"Issuance benchmark: cost per issuance at {string.Join(", ", options.ExistingPoints.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)))} " +
    $"existing credentials; throughput at {string.Join(", ", options.Concurrency)} decisions in flight, {options.Decisions:N0} each; {options.Evaluators} evaluators");
var started = DateTime.UtcNow;
var loadAtStart = IssuanceReport.LoadAverage();
var meter = new RequestMeter();
var cpu = CpuMeter.For(options.Storage);
await using var silo = await BenchmarkSilo.StartAsync(options.Storage, new Dictionary<string, string?>(), meter);
var community = await IssuanceCommunity.CreateAsync(silo.Grains, options.Evaluators);
var nextSeed = 0;
var issued = 0;
var costs = new List<IssuanceCost.Result>();
var runs = new List<DecisionRun.Result>();
var baselines = new List<RawUpsertBaseline.Result>();
var pathFloors = new List<RawUpsertBaseline.Result>();
IReadOnlyList<AzuriteRequestCosts.Kind> requestCosts = [];
ForgettingWrites.Result? collection = null;
var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

foreach (var point in options.ExistingPoints)
{
    while (issued < point)
    {
        if (issued >= options.DirectBeyond)
        {
            issued += await DirectFill.IssueAsync(silo.Grains, community, Math.Min(point - issued, 10_000), options.SeedInFlight, nextSeed++);
            Console.WriteLine($"  {issued:N0} credentials issued, the last ones directly ({(DateTime.UtcNow - started).TotalMinutes:0.0} min)");
            continue;
        }

        var batch = await PrepareAsync(Math.Min(Math.Min(point, options.DirectBeyond) - issued, 2000));
        issued += (await DecisionRun.RunAsync(silo.Grains, batch, options.SeedInFlight, community.Id)).Issued;
        Console.WriteLine($"  {issued:N0} credentials issued ({(DateTime.UtcNow - started).TotalMinutes:0.0} min)");
    }

    Console.WriteLine($"Cost per issuance at {issued:N0} existing credentials ({options.Metered} decisions, one at a time) ...");
    var cost = await IssuanceCost.MeasureAsync(silo.Grains, meter, await PrepareAsync(options.Metered), community.Id, issued);
    costs.Add(cost);
    issued += options.Metered;
    Console.WriteLine($"  {cost.Requests:0.0} requests, {cost.Writes:0.0} writes, {cost.Bytes / 1024:0.0} KiB per issuance");
    foreach (var tally in cost.PerIssuance)
    {
        Console.WriteLine($"    {tally.Label,-32} {tally.Requests,6:0.00} requests {tally.Writes,6:0.00} writes {tally.Bytes,10:N0} bytes");
    }

    await SaveAsync(null, new Dictionary<string, StorageMeter.Rows>());
    if (point != options.ExistingPoints[0])
    {
        continue;
    }

    var credentialWrite = WriteBytes(cost, "state credential", 18_000);
    var decisionWrite = WriteBytes(cost, "state attempt", 7_500);
    foreach (var concurrency in options.Concurrency.Where(c => c > 0))
    {
        Console.WriteLine($"Throughput: {options.Decisions:N0} decisions, {concurrency} in flight ...");
        var prepared = await PrepareAsync(options.Decisions);
        Console.WriteLine($"  {prepared.Count:N0} attempts await their deciding review; deciding ...");
        var run = await DecisionRun.RunAsync(silo.Grains, prepared, concurrency, community.Id, cpu, meter);
        runs.Add(run);
        issued += run.Issued;
        Console.WriteLine($"  {run.PerSecond:0.0} credentials/s; submitReview p50 {run.P50Ms:0.0} ms, p99 {run.P99Ms:0.0} ms; {run.Failed} failed");
        // The raw entity's body is as large as a credential state write's (which carries the state base64-encoded).
        var baseline = await RawUpsertBaseline.RunAsync(silo.Storage, (int)(credentialWrite * 3 / 4), concurrency, TimeSpan.FromSeconds(options.BaselineSeconds), cpu);
        baselines.Add(baseline);
        Console.WriteLine($"  raw upserts of a {baseline.EntityBytes:N0}-byte entity: {baseline.PerSecond:0.0}/s");
        foreach (var asOneBatch in new[] { false, true })
        {
            var floor = await RawUpsertBaseline.RunPathFloorAsync(
                silo.Storage, decisionWrite * 3 / 4, baseline.EntityBytes, asOneBatch, concurrency, TimeSpan.FromSeconds(options.BaselineSeconds), cpu);
            pathFloors.Add(floor);
            Console.WriteLine($"  the path's two writes alone ({(asOneBatch ? "one batch" : "two upserts")}): {floor.PerSecond:0.0}/s, {floor.PerSecond / baseline.PerSecond:0.000}x raw upserts");
        }

        var shared = await RawUpsertBaseline.RunSharedPathFloorAsync(
            silo.Storage, decisionWrite * 3 / 4, baseline.EntityBytes, concurrency, concurrency, TimeSpan.FromSeconds(options.BaselineSeconds), cpu);
        pathFloors.Add(shared);
        Console.WriteLine($"  the path's two writes of {concurrency} issuances in one batch: {shared.PerSecond:0.0} issuances/s, {shared.PerSecond / baseline.PerSecond:0.000}x raw upserts");

        await SaveAsync(null, new Dictionary<string, StorageMeter.Rows>());
    }
}

if (options.RequestCosts > 0)
{
    Console.WriteLine("What one request of each kind costs Azurite ...");
    requestCosts = await AzuriteRequestCosts.MeasureAsync(silo.Storage, cpu, options.Concurrency.FirstOrDefault(c => c > 0, 8), options.RequestCosts);
}

Console.WriteLine("Collecting every activation as idle (a grain that applied effects since its last write records it) ...");
collection = await ForgettingWrites.MeasureAsync(silo.Grains, meter, issued);
Console.WriteLine($"  {collection.Requests:0.00} requests, {collection.Writes:0.00} writes per credential issued, in {collection.Seconds:0.0} s");
Console.WriteLine("Verifying a sample of the credentials, and reading back every grain state's stored size ...");
var verification = await IssuanceReport.VerifySampleAsync(silo.Grains, runs.SelectMany(r => r.CredentialKeys).ToList(), 25);
var report = await SaveAsync(verification, await StorageMeter.GrainStateAsync(silo.Storage));
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Written to {results}/issuance-{stamp}.md");
return verification.Failed == 0 && runs.All(r => r.Failed == 0) ? 0 : 1;

async Task<IReadOnlyList<PreparedAttempt>> PrepareAsync(int count)
{
    var prepared = await PreparedAttempts.PrepareAsync(silo.Grains, community, count, options.SeedInFlight, nextSeed);
    nextSeed += count;
    return prepared;
}

// Written after every phase, so a run stopped midway keeps what it measured.
async Task<string> SaveAsync(IssuanceReport.Verification? verification, IReadOnlyDictionary<string, StorageMeter.Rows> states)
{
    var markdown = IssuanceReport.Markdown(options, issued, costs, runs, baselines, requestCosts, verification, states, collection, pathFloors) +
        $"\nRun {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalMinutes:0.0} min, {Environment.ProcessorCount} cores, load average at start {loadAtStart}, now {IssuanceReport.LoadAverage()}.\n";
    await File.WriteAllTextAsync(Path.Combine(results, $"issuance-{stamp}.md"), markdown);
    await File.WriteAllTextAsync(Path.Combine(results, $"issuance-{stamp}.json"), JsonSerializer.Serialize(
        new { options, issued, costs, runs = runs.Select(r => r with { CredentialKeys = [] }), baselines, pathFloors, requestCosts, collection, verification, states }, new JsonSerializerOptions { WriteIndented = true }));
    return markdown;
}

// The mean size of one write of a state, as the cost per issuance measured it.
static int WriteBytes(IssuanceCost.Result cost, string label, int fallback) =>
    cost.PerIssuance.FirstOrDefault(t => t.Label == label) is { Writes: > 0 } write ? (int)(write.Bytes / write.Writes) : fallback;
