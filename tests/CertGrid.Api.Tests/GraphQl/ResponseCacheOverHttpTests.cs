using System.Net.Http.Headers;
using System.Text;
using CertGrid.Api.GraphQl.ResponseCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// Identical verification queries are answered from the whole-response cache, byte for byte and with the media
/// type asked for, from their third sighting on (the first is only remembered, the second kept); anything else the
/// query asks executes every time.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class ResponseCacheOverHttpTests(SharedServerFixture server)
{
    private const string Verify = "query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome } } }";

    private GraphQlResponseCache Cache => server.Cluster.Nodes[0].Services.GetRequiredService<GraphQlResponseCache>();

    [Fact]
    public async Task A_repeated_verification_is_replayed_byte_for_byte_in_the_media_type_asked_for()
    {
        var body = Body(Verify, new { c = "not-a-credential-" + Guid.NewGuid() });
        var hits = Cache.Hits;

        var first = await PostAsync(body, "application/graphql-response+json");
        var second = await PostAsync(body, "application/graphql-response+json");
        Assert.Equal(hits, Cache.Hits);
        var third = await PostAsync(body, "application/graphql-response+json");
        var fourth = await PostAsync(body, "application/graphql-response+json");

        Assert.Equal(hits + 2, Cache.Hits);
        Assert.False(JsonDocument.Parse(first.Body).RootElement.GetProperty("data").GetProperty("verifyCredential").GetProperty("valid").GetBoolean());
        Assert.All(new[] { second, third, fourth }, r => Assert.Equal(Replayed(first.Body), Replayed(r.Body)));
        Assert.All(new[] { first, second, third, fourth }, r => Assert.Equal(("application/graphql-response+json", 200), (r.MediaType, r.Status)));

        var legacy = await PostAsync(body, "application/json");
        await PostAsync(body, "application/json");
        Assert.Equal(hits + 2, Cache.Hits);
        Assert.Equal(("application/json", 200), (legacy.MediaType, legacy.Status));
        Assert.Equal(Replayed(first.Body), Replayed(legacy.Body));
        await PostAsync(body, "application/json");
        Assert.Equal(hits + 3, Cache.Hits);
    }

    /// <summary>
    /// What a replay repeats byte for byte: everything before <c>extensions.cost</c>, which reports the caller's budget
    /// at the time of each request (this keyless caller's address is shared with the tests running beside it).
    /// </summary>
    private static string Replayed(string body)
    {
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("extensions").TryGetProperty("cost", out _), body);
        return body[..body.LastIndexOf(",\"extensions\":", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_query_that_also_asks_for_something_else_or_fails_executes_every_time()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var mixed = Body(Verify.Replace("valid checks", "valid } publicProgram(communityId: $p) { language } x: verifyCredential(credential: $c) { valid checks", StringComparison.Ordinal)
            .Replace("$c: String!", "$c: String!, $p: ID!", StringComparison.Ordinal), new { c = "not-a-credential", p = scenario.Community });
        var notAString = Body(Verify, new { c = 5 });
        var hits = Cache.Hits;

        for (var i = 0; i < 4; i++)
        {
            var answer = await PostAsync(mixed, "application/graphql-response+json");
            Assert.False(JsonDocument.Parse(answer.Body).RootElement.TryGetProperty("errors", out var errors), errors.ToString());
            var refused = await PostAsync(notAString, "application/graphql-response+json");
            Assert.True(JsonDocument.Parse(refused.Body).RootElement.TryGetProperty("errors", out _), refused.Body);
        }

        Assert.Equal(hits, Cache.Hits);
    }

    private static string Body(string query, object variables) => JsonSerializer.Serialize(new { query, variables });

    private async Task<(int Status, string MediaType, string Body)> PostAsync(string body, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await server.GraphQl.Http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }
}
