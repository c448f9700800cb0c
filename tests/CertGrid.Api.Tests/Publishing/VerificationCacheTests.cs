using CertGrid.Api.GraphQl.ResponseCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// Gateways reuse verification results, yet a status change reaches every node's verifications: on the node
/// where it happens before the mutation answers, on the others through Redis.
/// </summary>
public sealed class VerificationCacheTests
{
    private const string Verify = "query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome } } }";

    [Fact]
    public async Task A_credential_verified_and_cached_on_two_nodes_fails_on_both_once_it_is_revoked_and_suspension_comes_and_goes()
    {
        // Results are reused for a minute (the longest allowed), so only a status change can end their reuse here, even
        // when a loaded machine takes seconds between the repeated verifications.
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, extraSettings: new Dictionary<string, string?> { ["Verification:ResultLifetime"] = "00:01:00" });
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        var credentialId = await EarnAsync(scenario);
        var url = new Uri(cluster.PublicBaseUrl, $"/c/{scenario.Community}/credentials/{credentialId}").ToString();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await ValidAsync(cluster, 0, url));
            Assert.True(await ValidAsync(cluster, 1, url));
        }

        // Both layers are in play: the repeated identical queries were replayed as whole responses (from their third sighting).
        Assert.All(cluster.Nodes, node => Assert.True(node.Services.GetRequiredService<GraphQlResponseCache>().Hits >= 2));

        // The bare endpoint shares the verification result cached by the queries above (same credential, same key).
        Assert.True(await BareValidAsync(cluster, 0, url));

        await cluster.GraphQl(0).DataAsync("mutation($id: ID!) { suspendCredential(id: $id, reason: \"Under review\") { status } }", new { id = credentialId }, scenario.AdminKey);
        Assert.False(await BareValidAsync(cluster, 0, url));
        Assert.False(await ValidAsync(cluster, 0, url));
        Assert.False(await EventuallyAsync(() => ValidAsync(cluster, 1, url), expected: false));

        await cluster.GraphQl(1).DataAsync("mutation($id: ID!) { unsuspendCredential(id: $id, reason: \"Cleared\") { status } }", new { id = credentialId }, scenario.AdminKey);
        Assert.True(await ValidAsync(cluster, 1, url));
        Assert.True(await EventuallyAsync(() => ValidAsync(cluster, 0, url), expected: true));

        await cluster.GraphQl(0).DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Evidence was plagiarised\") { status } }", new { id = credentialId }, scenario.AdminKey);
        Assert.False(await ValidAsync(cluster, 0, url));
        Assert.False(await EventuallyAsync(() => ValidAsync(cluster, 1, url), expected: false));
        Assert.False(await BareValidAsync(cluster, 1, url));
    }

    private static async Task<bool> BareValidAsync(CertGridCluster cluster, int node, string url)
    {
        using var bare = await cluster.CreateClient(node).GetAsync("/verify?credential=" + Uri.EscapeDataString(url));
        return JsonDocument.Parse(await bare.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean();
    }

    private static async Task<bool> ValidAsync(CertGridCluster cluster, int node, string url) =>
        (await cluster.GraphQl(node).DataAsync(Verify, new { c = url })).GetProperty("verifyCredential").GetProperty("valid").GetBoolean();

    /// <summary>The other node hears of the change through Redis: within a round trip, so allow a second.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check, bool expected)
    {
        var until = DateTime.UtcNow.AddSeconds(1);
        bool value;
        while ((value = await check()) != expected && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return value;
    }

    private static async Task<string> EarnAsync(CommunityScenario scenario)
    {
        var definitionId = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definitionId, await scenario.UploadArtifactAsync(learner.Key));
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        return decided.GetProperty("credentialId").GetString()!;
    }
}
