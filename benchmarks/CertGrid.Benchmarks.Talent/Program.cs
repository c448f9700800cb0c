using System.Diagnostics;
using System.Globalization;
using System.Text;
using CertGrid.Abstractions.Consents;
using CertGrid.Abstractions.Talent;
using CertGrid.Benchmarks.Talent;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Storage;
using CertGrid.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Talent search at scale against credentials(first: 10) on the same server in the same run, and the time from a consent
// withdrawal through one gateway to the holder's absence through another. Usage (via benchmarks/talent.sh):
//   --holders 100000 --communities 50 --seconds 15 --connections 32 --withdrawals 20
var options = args.Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => int.Parse(p[1], CultureInfo.InvariantCulture));
int Option(string name, int fallback) => options.GetValueOrDefault(name, fallback);
var (holders, communityCount, seconds, connections, withdrawals) =
    (Option("holders", 100_000), Option("communities", 50), Option("seconds", 15), Option("connections", 32), Option("withdrawals", 20));
var portBase = Option("port-base", 29010);
const string OperatorKey = "cgop.talent-benchmark-operator-key-0123456789abcdef";

var prefix = "tb" + Guid.NewGuid().ToString("N")[..8];
var nodes = new List<WebApplication>();
string[] roles = ["Silo", "Gateway"];
foreach (var (role, index) in roles.Select((r, i) => (r, i)))
{
    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:AzureStorage"] = Environment.GetEnvironmentVariable("CERTGRID_BENCH_STORAGE"),
        ["Storage:NamePrefix"] = prefix, ["Storage:RequestTimeout"] = "00:01:00",
        ["Urls"] = $"http://127.0.0.1:{portBase + index * 3}", ["PublicUrls:BaseUrl"] = $"http://127.0.0.1:{portBase}",
        ["Cluster:Role"] = role, ["Cluster:ClusterId"] = prefix, ["Cluster:ServiceId"] = prefix,
        ["Cluster:SiloPort"] = (portBase + index * 3 + 1).ToString(CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = (portBase + index * 3 + 2).ToString(CultureInfo.InvariantCulture), ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
        ["Operator:Key"] = OperatorKey, ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("CERTGRID_BENCH_REDIS"),
        ["RateLimits:PermitsPerWindow"] = "1000000", ["RateLimits:AnonymousPermitsPerWindow"] = "1000000",
        ["RateLimits:KeyBudgetPoints"] = "100000000", ["RateLimits:KeyRestorePointsPerSecond"] = "10000000",
        ["RateLimits:AnonymousBudgetPoints"] = "100000000", ["RateLimits:AnonymousRestorePointsPerSecond"] = "10000000",
        ["GraphQL:ExecutionTimeout"] = "00:01:30",
    };
    var app = await CertGridServer.BuildAsync([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
    });
    await app.StartAsync();
    nodes.Add(app);
}

using var first = new GraphQlCaller(new Uri($"http://127.0.0.1:{portBase}"));
using var second = new GraphQlCaller(new Uri($"http://127.0.0.1:{portBase + 3}"));
var now = DateTimeOffset.UtcNow;
var population = new TalentPopulation(nodes[0].Services.GetRequiredService<StorageClients>(), now);
var setup = Stopwatch.StartNew();

Console.WriteLine($"Opening {communityCount} communities, registering a partner and granting it talent:search in each ...");
var communities = new List<(string Id, string AdminKey)>();
foreach (var i in Enumerable.Range(0, communityCount))
{
    var id = $"talent-{prefix}-{i:00}";
    var created = await first.DataAsync("mutation($i: CreateCommunityInput!) { createCommunity(input: $i) { adminKey } }",
        new { i = new { id, name = $"Guild {i}" } }, OperatorKey);
    communities.Add((id, created.GetProperty("createCommunity").GetProperty("adminKey").GetString()!));
}

var partnerKey = (await first.DataAsync("mutation($i: RegisterPartnerInput!) { registerPartner(input: $i) { token } }",
    new { i = new { name = "Bench Hiring GmbH", website = "https://hiring.example.org", verifiedDomain = "hiring.example.org", contactEmail = "talent@hiring.example.org", purpose = "Finding certified practitioners to hire." } },
    OperatorKey)).GetProperty("registerPartner").GetProperty("token").GetString()!;
var partnerId = (await first.DataAsync("{ partnerOrganisation { id } }", key: partnerKey)).GetProperty("partnerOrganisation").GetProperty("id").GetString()!;
foreach (var (id, adminKey) in communities)
{
    await first.DataAsync("mutation($p: ID!, $e: DateTimeOffset!) { grantPartnerAccess(partnerId: $p, scopes: [\"talent:search\"], expiresAt: $e) { active } }",
        new { p = partnerId, e = now.AddDays(90) }, adminKey);
}

Console.WriteLine($"Writing {holders:N0} discoverable holders into the talent read models and 2,000 credentials for the baseline ...");
await Task.WhenAll(communities.Select((c, i) => population.SeedAsync(c.Id, holders / communityCount, 1000 + i)));
await population.SeedCredentialsAsync(communities[0].Id, 2000);
Console.WriteLine($"Set up in {setup.Elapsed.TotalSeconds:N0} s.");

// A community's talent index loads its partition when first searched; fifty cold loads at once outlast the call timeout
// on a loaded machine, so each is loaded once (and timed) before anything is measured.
var loading = Stopwatch.StartNew();
foreach (var (id, _) in communities)
{
    await nodes[0].Services.GetRequiredService<IGrainFactory>().GetGrain<ITalentIndexGrain>(id).SearchAsync(new TalentQuery(), 1);
}

var loaded = loading.Elapsed;
Console.WriteLine($"Loaded {communityCount} talent indexes in {loaded.TotalSeconds:N1} s.");

const string Credentials = "{ credentials(first: 10) { nodes { id holderName achievementName status } } }";
const string Search = "query($f: TalentFilterInput) { talentSearch(filter: $f, first: 10) { totalCount nodes { handle name region score credentials { achievementName tier competencies { code levelPercent } } } } }";
int[] levels = [0, 60, 80, 90];
string?[] languages = [null, "de"];
var filters = (from code in TalentPopulation.Competencies.Take(6)
               from level in levels
               from language in languages
               select new { competencyCode = code, minimumLevelPercent = level, language, validForDays = 30 }).ToArray();
Task Baseline(int _) => first.DataAsync(Credentials, key: communities[0].AdminKey);
Task Talent(int i) => first.DataAsync(Search, new { f = filters[i % filters.Length] }, partnerKey);

var sample = (await first.DataAsync(Search, new { f = filters[1] }, partnerKey)).GetProperty("talentSearch");
Console.WriteLine($"A sample search matched {sample.GetProperty("totalCount").GetInt32():N0} holders.");
var results = new List<LoadRun.Result>();
(string Name, Func<int, Task> Request)[] scenarios = [("credentials(first: 10)", Baseline), ("talentSearch (48 filters in turn)", Talent)];
foreach (var (name, request) in scenarios)
{
    await LoadRun.MeasureAsync(name, connections, TimeSpan.FromSeconds(3), request); // warm-up, thrown away
    results.Add(await LoadRun.MeasureAsync(name, connections, TimeSpan.FromSeconds(seconds), request));
    Console.WriteLine($"  {results[^1]}");
}

// Latency at a load both scenarios carry: the same fixed rate for each, half the slower one's closed-loop throughput.
var rate = Math.Max(1, Math.Floor(results.Min(r => r.RequestsPerSecond) / 2));
var atRate = new List<LoadRun.Result>();
foreach (var (name, request) in scenarios)
{
    atRate.Add(await LoadRun.MeasureAtRateAsync(name, rate, TimeSpan.FromSeconds(seconds), request));
    Console.WriteLine($"  at {rate:N0}/s: {atRate[^1]}");
}

// Withdrawals: a real learner's consent, withdrawn through the first node, searched for through the second.
var (community, admin) = communities[0];
var learnerId = (await first.DataAsync("mutation($i: EnrolLearnerInput!) { enrolLearner(input: $i) { id } }",
    new { i = new { name = "Withdrawing Holder", email = "holder@example.org" } }, admin)).GetProperty("enrolLearner").GetProperty("id").GetString()!;
var learnerKey = (await first.DataAsync("mutation($i: IssueApiKeyInput!) { issueApiKey(input: $i) { token } }",
    new { i = new { role = "LEARNER", subjectId = learnerId, label = "bench" } }, admin)).GetProperty("issueApiKey").GetProperty("token").GetString()!;
var grains = nodes[0].Services.GetRequiredService<IGrainFactory>();
var visible = new { f = new { region = "Benchmark Region" } };
var gone = 0;
var timings = new List<double>();
for (var round = 0; round < withdrawals; round++)
{
    var consent = (await first.DataAsync("mutation { becomeDiscoverable(input: { competencyCodes: [\"C01\"], region: \"Benchmark Region\" }) { id } }", key: learnerKey))
        .GetProperty("becomeDiscoverable").GetProperty("id").GetString()!;
    // The call an issued credential's read-model refresh makes on its holder's consents.
    await grains.LearnerConsents(community, learnerId).CredentialChangedAsync(new TalentCredential(
        "vc_benchmarkcredential0000", "def_benchmarkdefinition00", "Bench", CredentialTier.Foundational, CredentialStatus.Active, now.AddDays(-1), null,
        [new TalentCompetency("C01", 90, null)]), null);
    if ((await second.DataAsync(Search, visible, partnerKey)).GetProperty("talentSearch").GetProperty("totalCount").GetInt32() != 1)
    {
        throw new InvalidOperationException("The consenting holder is not found through the second gateway.");
    }

    var started = Stopwatch.GetTimestamp();
    await first.DataAsync("mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }", new { id = consent }, learnerKey);
    var after = (await second.DataAsync(Search, visible, partnerKey)).GetProperty("talentSearch").GetProperty("totalCount").GetInt32();
    timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    gone += after == 0 ? 1 : 0;
}

timings.Sort();
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Talent search benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC: {holders:N0} discoverable holders in {communityCount} communities (partner granted by all), {connections} connections, {seconds} s per scenario after a 3 s warm-up, load generator in the same process.")
    .AppendLine()
    .AppendLine("| Scenario | Requests | Requests/s | p50 ms | p99 ms | max ms |")
    .AppendLine("|---|---|---|---|---|---|");
foreach (var r in results)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Requests:N0} | {r.RequestsPerSecond:N0} | {r.P50Ms:N1} | {r.P99Ms:N1} | {r.MaxMs:N1} |");
}

report.AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Open loop, {rate:N0} requests/s for each scenario (half the slower one's closed-loop throughput), {seconds} s, latency counted from each request's due time:")
    .AppendLine()
    .AppendLine("| Scenario | Requests | p50 ms | p99 ms | max ms |")
    .AppendLine("|---|---|---|---|---|");
foreach (var r in atRate)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Requests:N0} | {r.P50Ms:N1} | {r.P99Ms:N1} | {r.MaxMs:N1} |");
}

report.AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Cold talent indexes loaded one after another in {loaded.TotalSeconds:N1} s ({holders / communityCount:N0} rows each).")
    .AppendLine(CultureInfo.InvariantCulture, $"Talent search / credentials: {results[1].RequestsPerSecond / results[0].RequestsPerSecond:N2}x requests/s.")
    .AppendLine(CultureInfo.InvariantCulture, $"Withdrawals: {gone}/{withdrawals} holders were gone on the very next search through the other gateway; withdrawal sent -> absence seen: p50 {LoadRun.Percentile(timings, 0.5):N1} ms, max {timings[^1]:N1} ms.");
Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory("benchmarks/results");
await File.WriteAllTextAsync($"benchmarks/results/talent-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}.md", report.ToString());
foreach (var node in Enumerable.Reverse(nodes))
{
    await node.StopAsync();
}

return gone == withdrawals ? 0 : 1;
