using System.Diagnostics;
using System.Globalization;
using CertGrid.Abstractions.Analytics;
using CertGrid.Api.Analytics.Report;
using CertGrid.Benchmarks.Quality;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Quality;
using CertGrid.Testing.Quality;

// Program analytics and the quality report for one community with about 100,000 reviews, against reading the raw
// reviews back from an Azure Table, in one run on one in-process silo on Azurite. Run it with benchmarks/quality.sh.
var learnersPerOrganisation = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var storage = Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE") ?? throw new InvalidOperationException("CERTGRID_BENCH_STORAGE is not set (run benchmarks/quality.sh).");
var started = DateTime.UtcNow;
await using var silo = await BenchmarkSilo.StartAsync(storage, new Dictionary<string, string?>());
var community = "quality";
var now = silo.Clock.GetUtcNow();
var from = new DateTimeOffset(now.Year - 1, now.Month, 1, 0, 0, 0, TimeSpan.Zero);

Console.WriteLine($"Generating the history ({learnersPerOrganisation:N0} learners in each of 5 organisations) ...");
var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 3, LearnersPerOrganisation = learnersPerOrganisation, BiasedAgainstOrganisation = 1 });
var spread = TimeSpan.FromDays(365) / Math.Max(1, history.Attempts.Count);
var events = HistoryEvents.Of(history).Select((e, i) => Retimed(e, from + spread * (i / 2))).ToList();
var raw = events.OfType<AttemptDecided>().ToList();
var reviews = raw.Sum(d => d.Reviews.Count);
Console.WriteLine($"  {raw.Count:N0} decided attempts, {reviews:N0} reviews over {from:yyyy-MM} to {now:yyyy-MM}");

var analytics = silo.Grains.GetGrain<IProgramAnalyticsQueryGrain>(community);
var load = Stopwatch.StartNew();
foreach (var batch in events.Chunk(2_000))
{
    await analytics.RecordAsync(batch);
}

load.Stop();
Console.WriteLine($"  counted in the analytics grains in {load.Elapsed.TotalSeconds:0.0} s; writing the raw reviews ...");
var rawWrite = await RawReviews.WriteAsync(silo.Storage.Tables, community, raw);

Console.WriteLine($"Deciding {decisions} live attempts ...");
var definitionId = await LiveDecisions.OpenAsync(silo.Grains, community);
var latencies = (await LiveDecisions.MeasureAsync(silo.Grains, community, definitionId, now, decisions)).Order().ToList();

Console.WriteLine("Rendering the report, and the baseline from the raw reviews ...");
var report = new List<double>();
var baseline = new List<double>();
var html = string.Empty;
var rows = 0;
ProgramAnalyticsSummary? fromRaw = null;
for (var run = 0; run < 3; run++)
{
    var watch = Stopwatch.StartNew();
    var data = await QualityReportLoader.LoadAsync(silo.Grains, community, from, now, now);
    html = QualityReportHtml.Render(data, "en");
    report.Add(watch.Elapsed.TotalSeconds);

    watch.Restart();
    (fromRaw, rows) = await RawReviews.SummariseAsync(silo.Storage.Tables, community, from, now);
    baseline.Add(watch.Elapsed.TotalSeconds);
}

var kept = await analytics.SummariseAsync(from, now);
var same = kept.FirstAttempts.Total - decisions == fromRaw!.FirstAttempts.Total && kept.FirstAttempts.Passed - decisions == fromRaw.FirstAttempts.Passed;
var markdown = string.Create(CultureInfo.InvariantCulture, $"""
    | Figure | Value |
    |---|---|
    | Community | {raw.Count:N0} decided attempts, {reviews:N0} reviews over 13 months (+ {decisions} live decisions) |
    | Counting the history into the month grains (bulk, batches of 2,000 events) | {load.Elapsed.TotalSeconds:0.0} s |
    | Writing the raw reviews to the baseline table | {rawWrite.TotalSeconds:0.0} s |
    | Decision → visible in analytics, median / max of {decisions} | {latencies[latencies.Count / 2] * 1000:0} ms / {latencies[^1] * 1000:0} ms |
    | Quality report (13 months, load + render), median / max of 3 | {Median(report) * 1000:0} ms / {report.Max() * 1000:0} ms |
    | Baseline: read {rows:N0} raw reviews and summarise, median / max of 3 | {Median(baseline) * 1000:0} ms / {baseline.Max() * 1000:0} ms |
    | Report / baseline | {Median(report) / Median(baseline):0.000} |
    | Report size | {html.Length / 1024.0:0} KiB |
    | Same counts from both paths (live decisions aside) | {(same ? "yes" : "NO")} |

    Run {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalMinutes:0.0} min, {Environment.ProcessorCount} cores, load average at end {LoadAverage()}.

    """);
Console.WriteLine();
Console.WriteLine(markdown);
var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
var file = Path.Combine(results, $"quality-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.md");
await File.WriteAllTextAsync(file, markdown);
Console.WriteLine($"Written to {file}");
return same ? 0 : 1;

static AnalyticsEvent Retimed(AnalyticsEvent e, DateTimeOffset at) => e switch
{
    AttemptDecided d => d with { At = at, SubmittedAt = at.AddDays(-1) },
    AttemptSubmitted s => s with { At = at },
    _ => e with { At = at },
};

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
