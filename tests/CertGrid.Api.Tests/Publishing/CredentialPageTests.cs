using System.Net;
using CertGrid.Api.Publishing.CredentialPage;
using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using CertGrid.Testing.Browser;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// The verification page a person gets from a credential's URL, checked in a real headless Chromium: the verdict
/// computed now (valid, revoked, expired), the achievement, no serious axe-core violation, no request to another
/// origin; one screenshot per state is kept under the test output's <c>screenshots/</c>.
/// </summary>
public sealed class CredentialPageTests(CredentialPageTests.Server server) : IClassFixture<CredentialPageTests.Server>
{
    [Fact]
    public async Task A_person_sees_valid_then_revoked_and_expired_in_a_real_browser_with_no_serious_accessibility_violation()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync(), validityDays: 30);
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var kept = await EarnAsync(scenario, definition, evaluators);
        var revoked = await EarnAsync(scenario, definition, evaluators);
        await scenario.GraphQl.DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Plagiarism found\") { status } }", new { id = revoked.Id }, scenario.AdminKey);
        var name = (await scenario.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { achievementName } }", new { id = kept.Id }, scenario.AdminKey))
            .GetProperty("credential").GetProperty("achievementName").GetString()!;

        await ExpectAsync(PageUrl(scenario, kept.Id), "Valid", name, "credential-valid.png");
        await ExpectAsync(PageUrl(scenario, revoked.Id), "Revoked", name, "credential-revoked.png");

        server.Clock.Advance(TimeSpan.FromDays(31));
        await ExpectAsync(new Uri(server.Cluster.PublicBaseUrl, $"/c/{scenario.Community}/credentials/{kept.Id}"), "Expired", name, "credential-expired.png");
    }

    [Fact]
    public async Task The_credential_url_serves_the_page_to_browsers_json_to_verifiers_and_speaks_the_readers_language()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var earned = await EarnAsync(scenario, definition, evaluators);
        var url = $"/c/{scenario.Community}/credentials/{earned.Id}";
        using var http = server.Cluster.CreateClient();

        using var browser = new HttpRequestMessage(HttpMethod.Get, url);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        browser.Headers.AcceptLanguage.ParseAdd("fr-CA,fr;q=0.9");
        using var page = await http.SendAsync(browser);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Valide", html);
        Assert.Contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME", html);
        Assert.Contains($"certId={earned.Id}", html);
        Assert.Contains("<svg aria-hidden=\"true\"", html);
        Assert.DoesNotContain("Portfolio evidence", html);

        using var json = await http.GetAsync(url);
        Assert.Equal("application/ld+json", json.Content.Headers.ContentType!.MediaType);
        using var download = await http.GetAsync($"{url}?format=jwt");
        Assert.Equal("application/vc+jwt", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{earned.Id}.jwt", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/c/{scenario.Community}/credentials/crd_nosuchcredential0000/page")).StatusCode);

        await scenario.GraphQl.DataAsync("mutation($a: ID!) { setArtifactVisibility(artifactId: $a, public: true) { public } }", new { a = earned.ArtifactId }, earned.LearnerKey);
        var opened = await http.GetStringAsync($"{url}/page");
        Assert.Contains($"/credentials/{earned.Id}/evidence/{earned.ArtifactId}\">Portfolio evidence</a>", opened);
    }

    [Fact]
    public async Task A_reused_page_shows_a_suspension_and_newly_public_evidence_on_the_next_request()
    {
        var scenario = await CommunityScenario.CreateAsync(server.Cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var earned = await EarnAsync(scenario, definition, evaluators);
        var page = $"/c/{scenario.Community}/credentials/{earned.Id}/page";
        using var http = server.Cluster.CreateClient();
        var pages = server.Cluster.Nodes[0].Services.GetRequiredService<CredentialPageCache>();
        var first = await http.GetStringAsync(page);
        var reused = pages.Hits;
        Assert.Equal(first, await http.GetStringAsync(page));
        Assert.Equal(reused + 1, pages.Hits);
        Assert.DoesNotContain("Portfolio evidence", first);

        await scenario.GraphQl.DataAsync("mutation($a: ID!) { setArtifactVisibility(artifactId: $a, public: true) { public } }", new { a = earned.ArtifactId }, earned.LearnerKey);
        Assert.Contains(">Portfolio evidence</a>", await http.GetStringAsync(page));

        await scenario.GraphQl.DataAsync("mutation($id: ID!) { suspendCredential(id: $id, reason: \"Under review\") { status } }", new { id = earned.Id }, scenario.AdminKey);
        Assert.Contains("<p class=\"verdict-word\">Suspended</p>", await http.GetStringAsync(page));
    }

    private static async Task ExpectAsync(Uri url, string verdict, string achievementName, string screenshot)
    {
        var report = await HeadlessBrowser.CheckAsync(url, new Dictionary<string, string>
        {
            ["verdict"] = "#verdict .verdict-word",
            ["achievement"] = "#achievement-name",
        }, screenshot);

        Assert.Equal(200, report.Status);
        Assert.Equal(verdict, report.Text["verdict"]);
        Assert.Equal(achievementName, report.Text["achievement"]);
        Assert.True(report.Serious.Count == 0, string.Join('\n', report.Serious));
        Assert.Empty(report.ForeignRequests);
        Assert.True(File.Exists(report.Screenshot), $"no screenshot at {report.Screenshot}");
    }

    private Uri PageUrl(CommunityScenario scenario, string credentialId) =>
        new(server.Cluster.PublicBaseUrl, $"/c/{scenario.Community}/credentials/{credentialId}/page");

    private static async Task<(string Id, string LearnerKey, string ArtifactId)> EarnAsync(CommunityScenario scenario, string definition, (string Id, string Key)[] evaluators)
    {
        var learner = await scenario.EnrolLearnerAsync();
        var artifact = await scenario.UploadArtifactAsync(learner.Key);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definition, artifact);
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        return (decided.GetProperty("credentialId").GetString()!, learner.Key, artifact);
    }

    /// <summary>One server whose domain clock the test moves (to see a credential expire).</summary>
    public sealed class Server : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public CertGridCluster Cluster { get; private set; } = null!;

        public async Task InitializeAsync() => Cluster = await CertGridCluster.StartAsync(silos: 1, clock: Clock);

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }
}
