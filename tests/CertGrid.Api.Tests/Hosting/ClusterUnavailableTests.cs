using System.Net;
using System.Net.Http.Headers;

namespace CertGrid.Api.Tests.Hosting;

/// <summary>
/// Issue 14: when a gateway cannot reach the silos, every entry point answers <c>UNAVAILABLE</c> with
/// <c>Retry-After</c>, never a 500 (the API-key lookup of <c>/graphql</c> used to be), also when a resolver's own call fails;
/// <c>/graphql</c> always in the GraphQL shape (<c>errors[].extensions.code</c>), whichever of its stages met the failure.
/// </summary>
public sealed class ClusterUnavailableTests
{
    [Fact]
    public async Task A_gateway_without_silos_answers_unavailable_with_retry_after_wherever_a_key_is_looked_up_or_a_resolver_calls_it()
    {
        await using var cluster = await CertGridCluster.StartAsync(silos: 1, gateways: 1, extraSettings: new Dictionary<string, string?>
        {
            ["Cluster:ResponseTimeout"] = "00:00:03",
        });
        var community = await CommunityScenario.CreateAsync(cluster.GraphQl(1));

        // A key the gateway has seen (it stays cached) of a community whose trusted-document policy it has to ask for again
        // (cached for 5 s): that question used to escape /graphql into the non-GraphQL 503 body of the other endpoints.
        var known = await CommunityScenario.CreateAsync(cluster.GraphQl(1));
        var (knownStatus, _, _) = await SendAsync(cluster.CreateClient(1), HttpMethod.Post, "/graphql", known.AdminKey);
        Assert.Equal(HttpStatusCode.OK, knownStatus);
        var policyForgotten = DateTime.UtcNow + TimeSpan.FromSeconds(6);
        await cluster.Nodes[0].StopAsync();
        await Task.Delay(Max(TimeSpan.Zero, policyForgotten - DateTime.UtcNow));
        var (policyStatus, policyBody, policyResponse) = await SendAsync(cluster.CreateClient(1), HttpMethod.Post, "/graphql", known.AdminKey);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, policyStatus);
        Assert.Equal("UNAVAILABLE", policyBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(policyResponse.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        // The admin key was never presented, so the gateway has to ask the cluster for it.
        var (status, body, response) = await SendAsync(cluster.CreateClient(1), HttpMethod.Post, "/graphql", community.AdminKey);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("UNAVAILABLE", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        var (exportStatus, exportBody, exportResponse) = await SendAsync(cluster.CreateClient(1), HttpMethod.Get, $"/c/{community.Community}/audit.jsonl", community.AdminKey);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exportStatus);
        Assert.Equal("UNAVAILABLE", exportBody.GetProperty("error").GetProperty("code").GetString());
        Assert.NotNull(exportResponse.Headers.RetryAfter);

        // No key to look up: the resolver's own call into the cluster fails, and says so the same way.
        var program = JsonSerializer.Serialize(new { query = "query($c: ID!) { publicProgram(communityId: $c) { community { name } } }", variables = new { c = community.Community } });
        var (resolverStatus, resolverBody, resolverResponse) = await SendAsync(cluster.CreateClient(1), HttpMethod.Post, "/graphql", null, program);
        Assert.True((int)resolverStatus < 500, $"HTTP {(int)resolverStatus}");
        Assert.Equal("UNAVAILABLE", resolverBody.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.NotNull(resolverResponse.Headers.RetryAfter);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<(HttpStatusCode, JsonElement, HttpResponseMessage)> SendAsync(
        HttpClient http, HttpMethod method, string path, string? key, string body = """{"query":"{ viewer { role } }"}""")
    {
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, response);
    }
}
