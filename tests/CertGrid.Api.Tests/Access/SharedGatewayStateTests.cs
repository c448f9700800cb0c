namespace CertGrid.Api.Tests.Access;

/// <summary>
/// What gateway replicas share through Redis: a revocation on one node takes effect on every node at once,
/// and the rate limit of a key is one budget across nodes. Without Redis, the in-process fallback works and says so.
/// </summary>
public sealed class SharedGatewayStateTests
{
    /// <summary>
    /// The limiter's windows are fixed and aligned to the clock, so a test that counts requests must not straddle the end
    /// of one (the next window starts the count again): if the current window ends within a minute, waits until it has.
    /// </summary>
    private static async Task AwayFromTheEndOfAWindowAsync(TimeSpan window)
    {
        var windowMs = (long)window.TotalMilliseconds;
        var leftMs = windowMs - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % windowMs);
        if (leftMs < 60_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(leftMs + 100));
        }
    }

    [Fact]
    public async Task A_key_revoked_through_one_node_is_refused_at_once_by_another_that_had_cached_it()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2);
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        var partnerKey = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        await cluster.GraphQl(1).DataAsync("{ viewer { role } }", key: partnerKey);

        var keys = await cluster.GraphQl(0).DataAsync("{ apiKeys { nodes { id role } } }", key: scenario.AdminKey);
        var partnerKeyId = keys.GetProperty("apiKeys").GetProperty("nodes").EnumerateArray().Single(k => k.GetProperty("role").GetString() == "PARTNER").GetProperty("id").GetString();
        await cluster.GraphQl(0).DataAsync("mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", new { id = partnerKeyId }, scenario.AdminKey);

        var (status, _) = await cluster.GraphQl(1).SendAsync("{ viewer { role } }", key: partnerKey);
        Assert.Equal(401, status);
    }

    [Fact]
    public async Task A_keys_rate_limit_is_one_budget_across_nodes_and_answers_429_with_retry_after()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, extraSettings: new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerWindow"] = "6",
            ["RateLimits:Window"] = "00:05:00",
        });
        await AwayFromTheEndOfAWindowAsync(TimeSpan.FromMinutes(5));
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await cluster.GraphQl(i % 2).SendAsync("{ ping }", key: scenario.AdminKey)).Status);
        }

        Assert.Equal([200, 200, 200, 200, 200, 200, 429, 429], statuses);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ ping }\"}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", scenario.AdminKey);
        using var response = await cluster.CreateClient(1).SendAsync(request);
        Assert.Equal(429, (int)response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("RATE_LIMITED", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_counts_once_whether_it_runs_or_is_refused_before_it_is_priced_and_every_request_past_the_limit_is_refused_on_either_node()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 2, extraSettings: new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerWindow"] = "5",
            ["RateLimits:Window"] = "00:05:00",
        });
        await AwayFromTheEndOfAWindowAsync(TimeSpan.FromMinutes(5));
        var scenario = await CommunityScenario.CreateAsync(cluster.GraphQl(0));
        async Task<int> BrokenBodyAsync(int node)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\": ", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new("Bearer", scenario.AdminKey);
            request.Headers.Accept.Add(new("application/graphql-response+json"));
            using var response = await cluster.CreateClient(node).SendAsync(request);
            return (int)response.StatusCode;
        }

        // Run (counted with its cost in one step), a syntax error (refused at admission), an unreadable body: five in all.
        var statuses = new List<int>
        {
            (await cluster.GraphQl(0).SendAsync("{ ping }", key: scenario.AdminKey)).Status,
            (await cluster.GraphQl(1).SendAsync("{ ping", key: scenario.AdminKey)).Status,
            (await cluster.GraphQl(0).SendAsync("{ ping }", key: scenario.AdminKey)).Status,
            await BrokenBodyAsync(1),
            (await cluster.GraphQl(1).SendAsync("{ ping }", key: scenario.AdminKey)).Status,
        };
        Assert.Equal([200, 400, 200, 400, 200], statuses);

        // The sixth and later are over the limit on either node, whatever they hold (a node that refused one refuses the next before reading it).
        Assert.Equal(429, (await cluster.GraphQl(0).SendAsync("{ ping", key: scenario.AdminKey)).Status);
        Assert.Equal(429, (await cluster.GraphQl(1).SendAsync("{ ping }", key: scenario.AdminKey)).Status);
        Assert.Equal(429, await BrokenBodyAsync(0));
        var (status, body) = await cluster.GraphQl(0).SendAsync("{ ping }", key: scenario.AdminKey);
        Assert.Equal(429, status);
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("More than 5 requests", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_redis_the_gateway_limits_in_process_and_logs_that_it_does_and_the_keyless_verifier_shares_the_budget()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, withRedis: false, extraSettings: new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPermitsPerWindow"] = "3",
            ["RateLimits:Window"] = "00:05:00",
        });
        await AwayFromTheEndOfAWindowAsync(TimeSpan.FromMinutes(5));
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await cluster.GraphQl().SendAsync("{ ping }")).Status);
        }

        Assert.Equal([200, 200, 200, 429, 429], statuses);

        // The keyless verifier draws on the same per-address budget, so it is no way around the limit.
        using var verify = await cluster.CreateClient().GetAsync("/verify?credential=" + Uri.EscapeDataString("https://example.org/not-ours"));
        Assert.Equal(429, (int)verify.StatusCode);
        Assert.True(verify.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("RATE_LIMITED", await verify.Content.ReadAsStringAsync());
        Assert.Contains(cluster.Nodes[0].Logs.Entries, e => e.Message.Contains("Redis is not configured", StringComparison.Ordinal));
    }
}
