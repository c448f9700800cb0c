using System.Text.Json;
using CertGrid.Abstractions.Analytics;
using CertGrid.Testing.Quality;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Analytics;

/// <summary>
/// The review board records what it did about a flag of the quality report: the resolution is persisted, audited once
/// however often the request is retried, shown with the flag and in the report, and refused for a flag the window does
/// not show, an empty note, a non-admin, or another community.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class QualityFlagResolutionTests(SharedServerFixture server)
{
    private const string Flags = """
        query($from: DateTimeOffset!, $until: DateTimeOffset!) {
          qualityFlags(from: $from, until: $until) { key finding suggestedAction resolution { outcome note resolvedBy resolvedAt fromMonth untilMonth } }
        }
        """;

    private const string Resolve = """
        mutation($input: ResolveQualityFlagInput!) {
          resolveQualityFlag(input: $input) { key resolution { outcome note resolvedBy resolvedAt fromMonth untilMonth } }
        }
        """;

    [Fact]
    public async Task The_board_records_a_resolution_once_and_the_report_shows_who_did_what_and_when()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 61, LearnersPerOrganisation = 200, BiasedAgainstOrganisation = 1 });
        var grains = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();
        foreach (var batch in HistoryEvents.Of(history).Chunk(200))
        {
            await grains.GetGrain<IProgramAnalyticsQueryGrain>(scenario.Community).RecordAsync(batch);
        }

        var window = new { from = history.Attempts.Min(a => a.DecidedAt), until = history.Attempts.Max(a => a.DecidedAt) };
        var biased = $"fairness/LearnerOrganisation/{HistoryPlan.OrganisationId(1)}";
        var open = Flag(await server.GraphQl.DataAsync(Flags, window, scenario.AdminKey), biased);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("resolution").ValueKind);
        Assert.Contains($"'{HistoryPlan.OrganisationId(1)}': pass rate", open.GetProperty("finding").GetString(), StringComparison.Ordinal);

        const string ReportQuery = "query($from: DateTimeOffset!, $until: DateTimeOffset!) { qualityReport(from: $from, until: $until) }";
        Assert.Contains("<td>Open: the board has not recorded a resolution.</td>",
            (await server.GraphQl.DataAsync(ReportQuery, window, scenario.AdminKey)).GetProperty("qualityReport").GetString(), StringComparison.Ordinal);

        var note = $"Rubric wording reviewed with {new Bogus.Faker().Name.FullName()}; criterion c1 rewritten and two panels re-run.";
        var input = new { input = new { flagKey = biased, outcome = "ACTION_TAKEN", note, window.from, window.until } };
        var first = (await server.GraphQl.DataAsync(Resolve, input, scenario.AdminKey)).GetProperty("resolveQualityFlag").GetProperty("resolution");
        var retried = (await server.GraphQl.DataAsync(Resolve, input, scenario.AdminKey)).GetProperty("resolveQualityFlag").GetProperty("resolution");
        Assert.Equal("ACTION_TAKEN", first.GetProperty("outcome").GetString());
        Assert.Equal(note, first.GetProperty("note").GetString());
        Assert.StartsWith("admin:", first.GetProperty("resolvedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(window.from.ToString("yyyy-MM"), first.GetProperty("fromMonth").GetString());
        Assert.Equal(window.until.ToString("yyyy-MM"), first.GetProperty("untilMonth").GetString());
        Assert.Equal(first.GetProperty("resolvedAt").GetString(), retried.GetProperty("resolvedAt").GetString());

        var stored = Flag(await server.GraphQl.DataAsync(Flags, window, scenario.AdminKey), biased).GetProperty("resolution");
        Assert.Equal(first.GetRawText(), stored.GetRawText());
        var report = (await server.GraphQl.DataAsync(ReportQuery, window, scenario.AdminKey))
            .GetProperty("qualityReport").GetString()!;
        Assert.Contains($"<td>Action taken on {DateTimeOffset.Parse(first.GetProperty("resolvedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture):yyyy-MM-dd} by admin:", report, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(note), report, StringComparison.Ordinal);

        var audit = await server.GraphQl.DataAsync("{ auditLog(first: 100) { nodes { action details } } verifyAuditLog { intact } }", key: scenario.AdminKey);
        var resolved = audit.GetProperty("auditLog").GetProperty("nodes").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "quality.flag-resolved").ToList();
        Assert.Single(resolved);
        Assert.Contains(biased, resolved[0].GetProperty("details").GetRawText(), StringComparison.Ordinal);
        Assert.True(audit.GetProperty("verifyAuditLog").GetProperty("intact").GetBoolean());

        // A changed decision is a new record, and the report shows the latest.
        var changed = new { input = new { flagKey = biased, outcome = "NO_ACTION_NEEDED", note = "The gap closed after the rewrite.", window.from, window.until } };
        Assert.Equal("NO_ACTION_NEEDED", (await server.GraphQl.DataAsync(Resolve, changed, scenario.AdminKey)).GetProperty("resolveQualityFlag").GetProperty("resolution").GetProperty("outcome").GetString());
        Assert.Equal("NO_ACTION_NEEDED", Flag(await server.GraphQl.DataAsync(Flags, window, scenario.AdminKey), biased).GetProperty("resolution").GetProperty("outcome").GetString());

        var unknown = await server.GraphQl.ErrorAsync("NOT_FOUND", Resolve, new { input = new { flagKey = "fairness/LearnerOrganisation/org_nobody", outcome = "ACKNOWLEDGED", note, window.from, window.until } }, scenario.AdminKey);
        Assert.Contains("qualityFlags", unknown.GetProperty("message").GetString(), StringComparison.Ordinal);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Resolve, new { input = new { flagKey = biased, outcome = "ACKNOWLEDGED", note = "  ", window.from, window.until } }, scenario.AdminKey);
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Resolve, new { input = new { flagKey = biased, outcome = "ACKNOWLEDGED", note = new string('x', 2_001), window.from, window.until } }, scenario.AdminKey);
        var learner = await scenario.EnrolLearnerAsync();
        await server.GraphQl.ErrorAsync("FORBIDDEN", Resolve, input, learner.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Flags, window, learner.Key);

        // Another community has its own board: it sees none of these resolutions and cannot resolve a flag it does not show.
        var other = await CommunityScenario.CreateAsync(server.GraphQl);
        Assert.Empty((await server.GraphQl.DataAsync(Flags, window, other.AdminKey)).GetProperty("qualityFlags").EnumerateArray());
        await server.GraphQl.ErrorAsync("NOT_FOUND", Resolve, input, other.AdminKey);
        Assert.Equal("NO_ACTION_NEEDED", Flag(await server.GraphQl.DataAsync(Flags, window, scenario.AdminKey), biased).GetProperty("resolution").GetProperty("outcome").GetString());
    }

    private static JsonElement Flag(JsonElement data, string key) =>
        Assert.Single(data.GetProperty("qualityFlags").EnumerateArray(), f => f.GetProperty("key").GetString() == key);
}
