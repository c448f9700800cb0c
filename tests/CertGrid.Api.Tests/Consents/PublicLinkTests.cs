using System.Net;
using System.Text.Json;
using CertGrid.Testing.Browser;

namespace CertGrid.Api.Tests.Consents;

/// <summary>
/// A learner shares one credential through a public link on a 2-silo, 2-gateway cluster: the link's page shows the
/// credential with only what the holder made public (checked in a real headless Chromium with axe-core), through either
/// gateway; only the holder can create it; revoking it makes the next request on every gateway answer 404.
/// </summary>
public sealed class PublicLinkTests
{
    [Fact]
    public async Task A_public_link_shows_the_credential_on_every_gateway_until_revoked_then_404_on_the_next_request()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl());
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key));
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        var credentialId = decided.GetProperty("credentialId").GetString()!;
        var credential = await scenario.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { achievementName holderName } }", new { id = credentialId }, scenario.AdminKey);
        var achievement = credential.GetProperty("credential").GetProperty("achievementName").GetString()!;
        var holder = credential.GetProperty("credential").GetProperty("holderName").GetString()!;

        // Only the holder shares their credential: another learner is told it does not exist, an admin may not.
        var other = await scenario.EnrolLearnerAsync();
        const string create = "mutation($c: ID!) { createPublicLink(credentialId: $c) { id url active credentialId } }";
        await scenario.GraphQl.ErrorAsync("NOT_FOUND", create, new { c = credentialId }, other.Key);
        await scenario.GraphQl.ErrorAsync("FORBIDDEN", create, new { c = credentialId }, scenario.AdminKey);

        var link = (await scenario.GraphQl.DataAsync(create, new { c = credentialId }, learner.Key)).GetProperty("createPublicLink");
        var url = new Uri(link.GetProperty("url").GetString()!);
        Assert.True(link.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(credentialId, url.AbsolutePath);
        Assert.DoesNotContain(learner.Id, url.AbsolutePath);

        foreach (var node in new[] { 0, 1 })
        {
            using var http = cluster.CreateClient(node);
            using var page = await http.GetAsync(url.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.CacheControl?.NoStore, "the page is never stored by a cache");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(achievement, html);
            Assert.DoesNotContain(holder, html); // the holder published no profile URL, so their name stays private
            Assert.DoesNotContain("Portfolio evidence", html);
        }

        var report = await HeadlessBrowser.CheckAsync(new Uri(cluster.PublicBaseUrl, url.PathAndQuery), new Dictionary<string, string>
        {
            ["verdict"] = "#verdict .verdict-word",
            ["achievement"] = "#achievement-name",
        }, "public-link.png");
        Assert.Equal(200, report.Status);
        Assert.Equal("Valid", report.Text["verdict"]);
        Assert.Equal(achievement, report.Text["achievement"]);
        Assert.True(report.Serious.Count == 0, string.Join('\n', report.Serious));
        Assert.Empty(report.ForeignRequests);

        // Revoked through gateway 1: the next request through either gateway finds nothing.
        var revoked = await cluster.GraphQl(1).DataAsync("mutation($id: ID!) { revokePublicLink(id: $id) { active revokedAt } }",
            new { id = link.GetProperty("id").GetString() }, learner.Key);
        Assert.False(revoked.GetProperty("revokePublicLink").GetProperty("active").GetBoolean());
        foreach (var node in new[] { 0, 1 })
        {
            using var http = cluster.CreateClient(node);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(url.PathAndQuery)).StatusCode);
        }

        var mine = await scenario.GraphQl.DataAsync("{ myPublicLinks { id active } }", null, learner.Key);
        Assert.False(Assert.Single(mine.GetProperty("myPublicLinks").EnumerateArray()).GetProperty("active").GetBoolean());
        using var client = cluster.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/c/{scenario.Community}/shared/{new string('A', 43)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/c/{scenario.Community}/shared/not-a-token")).StatusCode);

        // The learner's erasure closes the links they still had open, on every gateway.
        var open = new Uri((await scenario.GraphQl.DataAsync(create, new { c = credentialId }, learner.Key)).GetProperty("createPublicLink").GetProperty("url").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(open.PathAndQuery)).StatusCode);
        await scenario.GraphQl.DataAsync("mutation($id: ID) { eraseLearner(learnerId: $id) { erasedAt } }", new { id = learner.Id }, scenario.AdminKey);
        foreach (var node in new[] { 0, 1 })
        {
            using var http = cluster.CreateClient(node);
            var status = HttpStatusCode.OK;
            for (var tries = 0; tries < 300 && (status = (await http.GetAsync(open.PathAndQuery)).StatusCode) != HttpStatusCode.NotFound; tries++)
            {
                await Task.Delay(100); // the erasure's effects run after it answers
            }

            Assert.Equal(HttpStatusCode.NotFound, status);
        }
    }
}
