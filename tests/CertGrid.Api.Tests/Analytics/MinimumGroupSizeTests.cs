using System.Net;
using System.Net.Http.Headers;
using Bogus;
using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Testing.Quality;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Analytics;

/// <summary>
/// The minimum group size is a community setting that every breakdown respects: a group of k − 1 learners is suppressed
/// in programAnalytics, its CSV, the report over GraphQL and the report page; with k one lower, the same group shows.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class MinimumGroupSizeTests(SharedServerFixture server)
{
    private const string Analytics = """
        query($from: DateTimeOffset!, $until: DateTimeOffset!) {
          fairnessPolicy { minimumGroupSize }
          programAnalytics(from: $from, until: $until) {
            minimumGroupSize
            fairness { dimension groups { group suppressed total passRate } }
            trainingGaps { cohort }
            csv
          }
          qualityReport(from: $from, until: $until)
        }
        """;

    private const string SetPolicy = "mutation($k: Int!) { setFairnessPolicy(input: { minimumGroupSize: $k }) { minimumGroupSize } }";

    [Fact]
    public async Task A_group_of_k_minus_one_is_suppressed_in_the_query_the_csv_and_the_report()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 77, LearnersPerOrganisation = 30 });
        var faker = new Faker { Random = new Randomizer(77) };
        var (smallOrganisation, smallCohort) = ($"org_{faker.Random.AlphaNumeric(8)}", $"coh_{faker.Random.AlphaNumeric(8)}");
        var at = history.Attempts.Min(a => a.DecidedAt).AddHours(1);
        const int K = 12;
        var small = Enumerable.Range(0, K - 1).Select(i => (AnalyticsEvent)new AttemptDecided($"small{i}.decided", at, HistoryEvents.CredentialId, 1, i % 3 == 0,
            faker.Random.Double(30, 90), at.AddDays(-1), smallOrganisation, "en", smallCohort, [], [new CriterionLevel("c0", 1, 3)]));
        var grains = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();
        foreach (var batch in HistoryEvents.Of(history).Concat(small).Chunk(200))
        {
            await grains.GetGrain<IProgramAnalyticsQueryGrain>(scenario.Community).RecordAsync(batch);
        }

        var window = new { from = at.AddDays(-1), until = history.Attempts.Max(a => a.DecidedAt) };
        Assert.Equal(10, (await server.GraphQl.DataAsync(Analytics, window, scenario.AdminKey)).GetProperty("fairnessPolicy").GetProperty("minimumGroupSize").GetInt32());

        Assert.Equal(K, (await server.GraphQl.DataAsync(SetPolicy, new { k = K }, scenario.AdminKey)).GetProperty("setFairnessPolicy").GetProperty("minimumGroupSize").GetInt32());
        var hidden = await ReadAsync(scenario, window);
        Assert.Equal(K, hidden.Data.GetProperty("minimumGroupSize").GetInt32());
        var group = hidden.Group(smallOrganisation);
        Assert.True(group.GetProperty("suppressed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, group.GetProperty("total").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, group.GetProperty("passRate").ValueKind);
        Assert.DoesNotContain(hidden.Cohorts, c => c == smallCohort);
        Assert.Contains($"fairness,LearnerOrganisation,{smallOrganisation},suppressed,", hidden.Csv);
        Assert.DoesNotContain(hidden.Csv, line => line.StartsWith($"fairness,LearnerOrganisation,{smallOrganisation},total", StringComparison.Ordinal));
        Assert.Contains($"<th scope=\"row\">{smallOrganisation}</th><td>suppressed (fewer than {K})</td>", hidden.Report, StringComparison.Ordinal);
        var page = await PageAsync(scenario, window.from, window.until);
        Assert.Contains($"<th scope=\"row\">{smallOrganisation}</th><td>suppressed (fewer than {K})</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{smallCohort}</th><td>suppressed (fewer than {K})</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<th scope=\"row\">{smallCohort}</th><td>c0</td>", page, StringComparison.Ordinal);

        // One lower, and the same group is shown everywhere: the setting, not the data, hid it.
        await server.GraphQl.DataAsync(SetPolicy, new { k = K - 1 }, scenario.AdminKey);
        var shown = await ReadAsync(scenario, window);
        Assert.Equal(K - 1, shown.Group(smallOrganisation).GetProperty("total").GetInt32());
        Assert.Contains(shown.Cohorts, c => c == smallCohort);
        Assert.Contains($"fairness,LearnerOrganisation,{smallOrganisation},total,{K - 1}", shown.Csv);
        Assert.DoesNotContain($"<th scope=\"row\">{smallOrganisation}</th><td>suppressed", shown.Report, StringComparison.Ordinal);
        Assert.DoesNotContain($"<th scope=\"row\">{smallOrganisation}</th><td>suppressed", await PageAsync(scenario, window.from, window.until), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_ask_for_a_smaller_group_and_only_admins_set_it()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var tooSmall = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", SetPolicy, new { k = 4 }, scenario.AdminKey);
        Assert.Contains("between 5 and 1000", tooSmall.GetProperty("message").GetString(), StringComparison.Ordinal);
        var learner = await scenario.EnrolLearnerAsync();
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        foreach (var key in new[] { learner.Key, partner })
        {
            await server.GraphQl.ErrorAsync("FORBIDDEN", SetPolicy, new { k = 5 }, key);
        }

        var now = DateTimeOffset.UtcNow;
        await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", "query { programAnalytics(from: \"2026-01-01T00:00:00Z\", until: \"2026-02-01T00:00:00Z\", minimumGroupSize: 5) { applications } }", null, scenario.AdminKey);
        using var http = server.Cluster.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Cluster.PublicBaseUrl, $"/c/{scenario.Community}/reports/quality?from={now:yyyy-MM}&until={now:yyyy-MM}&minimumGroupSize=5"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scenario.AdminKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("community setting", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Reading> ReadAsync(CommunityScenario scenario, object window)
    {
        var data = await server.GraphQl.DataAsync(Analytics, window, scenario.AdminKey);
        var analytics = data.GetProperty("programAnalytics");
        return new Reading(analytics, analytics.GetProperty("csv").GetString()!.Split("\r\n"),
            analytics.GetProperty("trainingGaps").EnumerateArray().Select(g => g.GetProperty("cohort").GetString()!).ToList(), data.GetProperty("qualityReport").GetString()!);
    }

    private async Task<string> PageAsync(CommunityScenario scenario, DateTimeOffset from, DateTimeOffset until)
    {
        using var http = server.Cluster.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Cluster.PublicBaseUrl, $"/c/{scenario.Community}/reports/quality?from={from:yyyy-MM}&until={until:yyyy-MM}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scenario.AdminKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private sealed record Reading(System.Text.Json.JsonElement Data, string[] Csv, List<string> Cohorts, string Report)
    {
        public System.Text.Json.JsonElement Group(string name) => Data.GetProperty("fairness").EnumerateArray()
            .Single(f => f.GetProperty("dimension").GetString() == nameof(FairnessDimension.LearnerOrganisation))
            .GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == name);
    }
}
