using System.Net;
using System.Net.Http.Headers;
using CertGrid.Abstractions.Analytics;
using CertGrid.Testing.Browser;
using CertGrid.Testing.Quality;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Analytics;

/// <summary>
/// The program quality report, opened by an admin in a real headless Chromium in English and French: figures, SVG charts,
/// interpretation, the planted bias among the flags with the board's recorded resolution, no serious axe-core violation, nothing loaded from another
/// origin. Learners, evaluators and partners get nothing, over HTTP or GraphQL.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class QualityReportPageTests(SharedServerFixture server)
{
    private static readonly Dictionary<string, string> Selectors = new()
    {
        ["title"] = "h1", ["period"] = "#period", ["interpretation"] = "#interpretation + ul", ["flags"] = "#flags + table", ["charts"] = "figure svg title", ["pairs"] = "#pairs + p + table",
    };

    [Fact]
    public async Task An_admin_reads_the_report_in_a_real_browser_in_two_languages_and_nobody_else_gets_it()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var history = AssessmentHistoryFaker.Generate(new HistoryPlan { Seed = 51, LearnersPerOrganisation = 200, BiasedAgainstOrganisation = 0 });
        var grains = server.Cluster.Nodes[0].Services.GetRequiredService<IGrainFactory>();
        foreach (var batch in HistoryEvents.Of(history).Chunk(200))
        {
            await grains.GetGrain<IProgramAnalyticsQueryGrain>(scenario.Community).RecordAsync(batch);
        }

        var (from, until) = (history.Attempts.Min(a => a.DecidedAt).ToString("yyyy-MM"), history.Attempts.Max(a => a.DecidedAt).ToString("yyyy-MM"));
        var url = new Uri(server.Cluster.PublicBaseUrl, $"/c/{scenario.Community}/reports/quality?from={from}&until={until}");
        var admin = new Dictionary<string, string> { ["Authorization"] = $"Bearer {scenario.AdminKey}" };
        const string BoardNote = "Raised at the March board meeting; decisions of the group are being re-read.";
        await server.GraphQl.DataAsync("mutation($input: ResolveQualityFlagInput!) { resolveQualityFlag(input: $input) { key } }", new
        {
            input = new
            {
                flagKey = $"fairness/LearnerOrganisation/{HistoryPlan.OrganisationId(0)}", outcome = "ACKNOWLEDGED", note = BoardNote,
                from = history.Attempts.Min(a => a.DecidedAt), until = history.Attempts.Max(a => a.DecidedAt),
            },
        }, scenario.AdminKey);

        var english = await HeadlessBrowser.CheckAsync(url, Selectors, "quality-report-en.png", "en", admin);
        Assert.Equal(200, english.Status);
        Assert.Equal("en", english.Lang);
        Assert.Equal("Program quality report", english.Text["title"]);
        Assert.Contains($"Period {from} to {until}", english.Text["period"], StringComparison.Ordinal);
        Assert.Contains($"'{HistoryPlan.OrganisationId(0)}': pass rate", english.Text["flags"], StringComparison.Ordinal);
        Assert.Contains("Review the group's decisions", english.Text["flags"], StringComparison.Ordinal);
        Assert.Contains("Acknowledged on ", english.Text["flags"], StringComparison.Ordinal);
        Assert.Contains(BoardNote, english.Text["flags"], StringComparison.Ordinal);
        Assert.Contains("Alpha ", english.Text["interpretation"], StringComparison.Ordinal);
        Assert.Contains("criterion c", english.Text["interpretation"], StringComparison.Ordinal);
        Assert.Contains("Quadratic weighted kappa", english.Text["pairs"], StringComparison.Ordinal);
        Assert.Contains("evl_", english.Text["pairs"], StringComparison.Ordinal);
        Assert.Empty(english.Serious);
        Assert.Empty(english.ForeignRequests);

        var french = await HeadlessBrowser.CheckAsync(url, Selectors, "quality-report-fr.png", "fr", admin);
        Assert.Equal("fr", french.Lang);
        Assert.Equal("Rapport qualité du programme", french.Text["title"]);
        Assert.Contains($"« {HistoryPlan.OrganisationId(0)} »", french.Text["flags"], StringComparison.Ordinal);
        Assert.Contains("Pris en compte le ", french.Text["flags"], StringComparison.Ordinal);
        Assert.Contains("Kappa pondéré quadratique", french.Text["pairs"], StringComparison.Ordinal);
        Assert.Empty(french.Serious);

        using var http = server.Cluster.CreateClient();
        var learner = await scenario.EnrolLearnerAsync();
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url)).StatusCode);
        foreach (var key in new[] { learner.Key, partner })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        }

        const string Query = "query($from: DateTimeOffset!, $until: DateTimeOffset!) { qualityReport(from: $from, until: $until, language: \"fr\") }";
        var window = new { from = history.Attempts.Min(a => a.DecidedAt), until = history.Attempts.Max(a => a.DecidedAt) };
        var html = (await server.GraphQl.DataAsync(Query, window, scenario.AdminKey)).GetProperty("qualityReport").GetString()!;
        Assert.StartsWith("<!DOCTYPE html><html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Query, window, learner.Key);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Query, window, partner);
    }
}
