using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using CertGrid.Benchmarks.Scale;

// One community at the scale CertGrid promises, filled through its grains, with every per-community grain's stored
// size read back from Azurite at each checkpoint. Run it with benchmarks/scale.sh; results go to benchmarks/results/.
var options = ScaleOptions.Parse(args);
Console.WriteLine($"Scale benchmark: {options.Learners:N0} learners (sizes read at {string.Join(", ", options.Checkpoints.Select(c => c.ToString("N0", CultureInfo.InvariantCulture)))}), " +
    $"{options.Evaluators:N0} evaluators, {options.Cohorts} cohorts, {options.OpenAttempts} open attempts more at each checkpoint");
var started = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
await using var silo = await BenchmarkSilo.StartAsync(options.Storage, new Dictionary<string, string?>());
var community = await ScaleCommunity.CreateAsync(silo.Grains, new Faker { Random = new Randomizer(7) });
var population = new Population(silo.Grains, community, options.InFlight);
Console.WriteLine($"Registering {options.Evaluators:N0} evaluators ...");
await population.RegisterEvaluatorsAsync(options.Evaluators);
Console.WriteLine($"  done in {clock.Elapsed.TotalMinutes:0.0} min; creating {options.Cohorts} cohorts ...");
await population.CreateCohortsAsync(options.Cohorts, silo.Clock.GetUtcNow());

var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
var checkpoints = new List<ScaleReport.Checkpoint>();
var open = 0;
var communityPartitions = new SortedSet<string>(StringComparer.Ordinal);
foreach (var target in options.Checkpoints)
{
    Console.WriteLine($"Enrolling learners up to {target:N0} ...");
    await population.EnrolAsync(target, n => Console.WriteLine($"  {n:N0} learners ({clock.Elapsed.TotalMinutes:0.0} min)"));
    Console.WriteLine($"  submitting {options.OpenAttempts} attempts ...");
    await population.SubmitAttemptsAsync(options.OpenAttempts);
    open += options.OpenAttempts - population.RefusedAttempts;
    Console.WriteLine($"  reading back stored sizes ({clock.Elapsed.TotalMinutes:0.0} min) ...");
    checkpoints.Add(await ReadBackAsync(population.Learners, open));
    Console.WriteLine($"  read back ({clock.Elapsed.TotalMinutes:0.0} min)");
    var report = ScaleReport.Markdown(options, checkpoints) +
        $"\nRun {started:yyyy-MM-dd HH:mm} UTC, {clock.Elapsed.TotalMinutes:0.0} min so far, {Environment.ProcessorCount} cores, load average {LoadAverage()}; {population.RefusedAttempts} attempts refused.\n";
    await File.WriteAllTextAsync(Path.Combine(results, $"scale-{stamp}.md"), report);
    await File.WriteAllTextAsync(Path.Combine(results, $"scale-{stamp}.json"), JsonSerializer.Serialize(new { options, checkpoints }, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine(report);
}

Console.WriteLine($"Written to {results}/scale-{stamp}.md");
return ScaleReport.Problems(checkpoints).Count == 0 ? 0 : 1;

// Up to FullReadBackLearners every row of the community is read (its grains, its members' grains, its table partitions);
// beyond, only its own grains' rows, partition by partition, as the full reads before found them (Azurite pages through
// hundreds of thousands of rows too slowly to read them all at 100,000 learners).
async Task<ScaleReport.Checkpoint> ReadBackAsync(int learners, int openAttempts)
{
    if (learners <= ScaleReport.FullReadBackLearners || communityPartitions.Count == 0)
    {
        return new ScaleReport.Checkpoint(learners, openAttempts,
            await StorageMeter.CommunityStateAsync(silo.Storage, community.Id, communityPartitions), await StorageMeter.CommunityTablesAsync(silo.Storage, community.Id));
    }

    return new ScaleReport.Checkpoint(learners, openAttempts, await StorageMeter.CommunityGrainStateAsync(silo.Storage, communityPartitions), []);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
