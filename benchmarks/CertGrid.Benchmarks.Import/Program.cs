using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bogus;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Onboarding;
using CertGrid.Benchmarks.Import;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Onboarding;

// A learners import end to end on one silo on Azurite: upload, dry run, apply (rows per second), then the same file
// again (dry run and apply: nothing changes); against raw Azure Table inserts of a learner-sized entity in the same run.
// Run it with benchmarks/import.sh [rows]; the report is printed and written to benchmarks/results/import-<timestamp>.md.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var started = DateTime.UtcNow;
var storage = Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE") ?? throw new InvalidOperationException("Set CERTGRID_BENCH_STORAGE (benchmarks/import.sh does).");
await using var silo = await BenchmarkSilo.StartAsync(storage, new Dictionary<string, string?>());
const string community = "importbench";
await silo.Grains.GetGrain<ICommunityGrain>(community).CreateAsync(new CreateCommunity("Reliability Guild", null, "https://guild.example", null), Actors.Operator);

var faker = new Faker { Random = new Randomizer(19) };
var people = Enumerable.Range(0, rows).Select(i => (Name: faker.Name.FullName(), Email: $"p{i}.{faker.Internet.Email()}".ToLowerInvariant(), Organisation: faker.Company.CompanyName())).ToList();
var csv = Encoding.UTF8.GetBytes("name,email,organisation\n" + string.Join("\n", people.Select(p => $"\"{p.Name}\",{p.Email},\"{p.Organisation}\"")) + "\n");
Console.WriteLine($"Import benchmark: {rows:N0} learners ({csv.Length / 1024.0 / 1024:0.0} MiB of CSV), {Environment.ProcessorCount} cores, load {Load()}");

var report = new StringBuilder();
report.AppendLine($"| Step | Rows | Seconds | Rows/s |").AppendLine("|---|---:|---:|---:|");
var first = await ImportAsync("first import");
var again = await ImportAsync("the same file again");
Console.WriteLine("Raw inserts of a learner-sized entity, as many in flight as the import enrols at once ...");
var baseline = await RawInsertBaseline.RunAsync(silo.Storage, people, RosterImportGrain.ParallelRows, TimeSpan.FromMinutes(5));
Row("raw table inserts (baseline)", baseline.Inserts, baseline.Seconds);
var ratio = first.Apply / baseline.PerSecond;
report.AppendLine().AppendLine($"Apply against raw inserts: {ratio:0.000}× ({first.Apply:0.0} against {baseline.PerSecond:0.0} rows/s, {baseline.Concurrency} in flight).");
report.AppendLine($"First import: {first.Created:N0} learners enrolled; the same file again: {again.Created:N0} created, {again.Unchanged:N0} unchanged.");
report.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC, {(DateTime.UtcNow - started).TotalMinutes:0.0} min, {Environment.ProcessorCount} cores, load average now {Load()}.");
Console.WriteLine();
Console.WriteLine(report);
var results = Path.Combine(Environment.CurrentDirectory, "benchmarks", "results");
Directory.CreateDirectory(results);
var file = Path.Combine(results, $"import-{started:yyyyMMdd'T'HHmmss'Z'}.md");
await File.WriteAllTextAsync(file, report.ToString());
Console.WriteLine($"Written to {file}");
return first.Created == rows && again.Created == 0 && again.Unchanged == rows ? 0 : 1;

async Task<(double Apply, long Created, long Unchanged)> ImportAsync(string label)
{
    var import = silo.Grains.RosterImport(community, EntityId.New(IdPrefixes.RosterImport));
    var ticket = await import.StartAsync(new StartRosterImport("members.csv", csv.Length), Actors.System);
    using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) })
    using (var put = new HttpRequestMessage(HttpMethod.Put, ticket.UploadUrl) { Content = new ByteArrayContent(csv) })
    {
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        (await http.SendAsync(put)).EnsureSuccessStatusCode();
    }

    var clock = Stopwatch.StartNew();
    var checkedImport = await import.DryRunAsync(Actors.System);
    Row($"{label}: dry run", checkedImport.TotalRows, clock.Elapsed.TotalSeconds);
    clock.Restart();
    await import.ApplyAsync(Actors.System);
    RosterImportInfo info;
    while ((info = await import.GetAsync()).Status != RosterImportStatus.Completed)
    {
        await Task.Delay(1000);
        if (clock.Elapsed.TotalSeconds % 30 < 1)
        {
            Console.WriteLine($"  {info.ProcessedRows:N0} of {rows:N0} rows applied ({clock.Elapsed.TotalSeconds:0} s)");
        }
    }

    Row($"{label}: apply", info.ProcessedRows, clock.Elapsed.TotalSeconds);
    return (info.ProcessedRows / clock.Elapsed.TotalSeconds, info.CreatedRows, info.UnchangedRows);
}

void Row(string step, long count, double seconds)
{
    var line = $"| {step} | {count:N0} | {seconds:0.0} | {count / seconds:0.0} |";
    report.AppendLine(line);
    Console.WriteLine(line);
}

static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
