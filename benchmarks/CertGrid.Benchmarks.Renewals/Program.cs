using System.Globalization;
using System.Text.Json;
using CertGrid.Benchmarks.Renewals;

// The renewal scheduler at scale on Azurite, with the one-reminder-per-credential baseline in the same run.
// Run it with benchmarks/renewals.sh; results are printed and written to benchmarks/results/.
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"Renewal benchmark: {options.Credentials:N0} tracked credentials, {options.Communities} communities, {options.Days} days, " +
    $"{options.DueOnOneDay:N0} due on one day; baseline at {string.Join(", ", options.BaselinePoints.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)))}");

var loadAtStart = LoadAverage();
var started = DateTime.UtcNow;
await using var silo = await BenchmarkSilo.StartAsync(options.Storage, new Dictionary<string, string?>
{
    ["Renewals:BatchSize"] = "256",
    // 16 renewals advance at once per community, 1,600 across 100: Azurite is one Node.js process, and more in
    // flight only queue its writes past their timeouts (64 per community did, in a 10:21 UTC run).
    ["Renewals:Parallelism"] = "16",
    // Sweeps run when the benchmark says, not on the reminder (which would also pick up the baseline's renewals).
    ["Renewals:SweepPeriod"] = "1.00:00:00",
});
Console.WriteLine("Setting up the communities ...");
var communities = await BenchmarkCommunity.CreateAsync(silo.Grains, options.Communities);
Console.WriteLine("Phase 1: the tracked population");
var scale = await ScaleRegistration.RunAsync(silo, communities, options);
Console.WriteLine("Phase 2: one day of renewals");
var day = await DayProcessing.RunAsync(silo, communities, scale.Day, options.DueOnOneDay);
var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
// The scheduler's figures are kept before the baseline starts, which takes long at 100,000 reminders and is the riskier half.
await File.WriteAllTextAsync(Path.Combine(results, $"renewals-{stamp}-scheduler.md"), BenchmarkReport.Markdown(options, scale, day, []));
Console.WriteLine("Phase 3: the one-reminder-per-credential baseline");
var baseline = await ReminderBaseline.RunAsync(silo, communities, scale.Day.AddDays(options.Days + 1), options.BaselinePoints, options.BaselineWait);

var report = BenchmarkReport.Markdown(options, scale, day, baseline) +
    $"\nRun {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalMinutes:0} min, {Throttle.Retries} calls retried, {Environment.ProcessorCount} cores, load average at start {loadAtStart}, at end {LoadAverage()}.\n";
Console.WriteLine();
Console.WriteLine(report);
await File.WriteAllTextAsync(Path.Combine(results, $"renewals-{stamp}.md"), report);
await File.WriteAllTextAsync(Path.Combine(results, $"renewals-{stamp}.json"),
    JsonSerializer.Serialize(new { options, scale, day, baseline }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Written to {results}/renewals-{stamp}.md");

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
