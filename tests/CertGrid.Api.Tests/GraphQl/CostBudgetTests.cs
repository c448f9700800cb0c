using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// Issue 15.1: every key, and every client address without a key, spends its cost from a budget that refills over
/// time (Shopify-style <c>extensions.cost</c>); failed authentication is paid for by the address. Each test calls from
/// a client address of its own (127.0.0.x), so the budgets it drains are its own.
/// </summary>
public sealed class CostBudgetTests(SmallBudgetServerFixture server) : IClassFixture<SmallBudgetServerFixture>
{
    private const string TwoVerifications = "{ a: verifyCredential(credential: \"x\") { valid } b: verifyCredential(credential: \"y\") { valid } }";
    private readonly CertGridCluster _cluster = server.Cluster;

    [Fact]
    public async Task An_address_that_spent_its_budget_waits_while_a_key_keeps_its_own()
    {
        var community = await CommunityScenario.CreateAsync(_cluster.GraphQl());
        using var http = FromAddress(11);
        var answers = new List<(int Status, JsonElement Body, HttpResponseMessage Response)>();
        for (var i = 0; i < 12 && (answers.Count == 0 || answers[^1].Status == 200); i++)
        {
            answers.Add(await PostAsync(http, TwoVerifications));
        }

        var (status, body, refused) = answers[^1];
        Assert.Equal(429, status);
        Assert.InRange(answers.Count, 5, 6); // 22 points each from a budget of 100 that regains 1 point a second: 4 (or 5) are paid for
        Assert.All(answers.SkipLast(1), a => Assert.Equal(200, a.Status));
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("22 points", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var left = body.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus");
        Assert.True(left.GetProperty("currentlyAvailable").GetDouble() < 22);
        Assert.Equal(100, left.GetProperty("maximumAvailable").GetDouble());

        var (keyed, keyedBody, _) = await PostAsync(http, TwoVerifications, community.AdminKey);
        Assert.Equal(200, keyed);
        Assert.Equal(1000 - 22, keyedBody.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble(), 5);
    }

    [Fact]
    public async Task A_request_costing_more_than_the_whole_budget_is_refused_for_good_not_throttled()
    {
        using var http = FromAddress(12);
        var (status, body, _) = await PostAsync(http, "{ learners(first: 100) { nodes { id } } }");

        Assert.Equal(400, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("QUERY_TOO_COMPLEX", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("more than your whole budget of 100", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_keys_cost_their_address_until_it_is_refused_before_any_lookup()
    {
        var community = await CommunityScenario.CreateAsync(_cluster.GraphQl());
        using var http = FromAddress(13);
        Assert.Equal(200, (await PostAsync(http, "{ viewer { role } }", community.AdminKey)).Status);
        var statuses = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            // A fresh key id each time: every one would cost a lookup in the cluster.
            var forged = $"cgk.{community.Community}.key_{Guid.NewGuid().ToString("N")[..20]}.not-the-secret";
            statuses.Add((await PostAsync(http, "{ ping }", forged)).Status);
        }

        Assert.Equal([401, 401, 401, 401, 401], statuses.Take(5)); // 5 × 20 points from a budget of 100
        Assert.All(statuses.Skip(5), s => Assert.Equal(429, s));
        var (throttled, body, response) = await PostAsync(http, "{ ping }", $"cgk.{community.Community}.key_{Guid.NewGuid().ToString("N")[..20]}.x");
        Assert.Equal(429, throttled);
        Assert.Contains("unknown, revoked or mistyped keys", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.NotNull(response.Headers.RetryAfter);

        // The admin key the gateway already knows still works from that address; another address is not affected.
        Assert.Equal(200, (await PostAsync(http, "{ viewer { role } }", community.AdminKey)).Status);
        using var elsewhere = FromAddress(14);
        Assert.Equal(401, (await PostAsync(elsewhere, "{ ping }", $"cgk.{community.Community}.key_{Guid.NewGuid().ToString("N")[..20]}.x")).Status);
    }

    [Fact]
    public async Task An_unknown_key_on_a_mutation_with_an_idempotency_key_costs_its_address_once()
    {
        // The idempotency check and the endpoint both need the caller; the key is judged once per request, so the
        // address pays 20 points per request, as without the header, and the fifth request is still a 401.
        var community = await CommunityScenario.CreateAsync(_cluster.GraphQl());
        using var http = FromAddress(15);
        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var forged = $"cgk.{community.Community}.key_{Guid.NewGuid().ToString("N")[..20]}.not-the-secret";
            statuses.Add((await PostAsync(http, "mutation { enrolLearner(input: { name: \"Ada Lovelace\", email: \"ada@example.org\" }) { id } }", forged, Guid.NewGuid().ToString("N"))).Status);
        }

        Assert.Equal([401, 401, 401, 401, 401, 429], statuses);
    }

    [Theory]
    [InlineData("audit.jsonl", 16)]
    [InlineData("reports/quality", 17)]
    public async Task Forged_keys_on_an_admin_document_cost_their_address_and_are_refused_with_429_not_a_crash(string document, byte address)
    {
        // The admin documents share the GraphQL endpoint's key check: a flood of forged keys runs the address out of budget,
        // and the answer is a coded 429 with Retry-After, as on /graphql.
        var community = await CommunityScenario.CreateAsync(_cluster.GraphQl());
        using var http = FromAddress(address);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/c/{community.Community}/{document}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"cgk.{community.Community}.key_{Guid.NewGuid().ToString("N")[..20]}.not-the-secret");
            answers.Add(await http.SendAsync(request));
        }

        Assert.Equal([401, 401, 401, 401, 401, 429], answers.Select(a => (int)a.StatusCode));
        Assert.Contains("Bearer", answers[0].Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.NotNull(answers[5].Headers.RetryAfter);
        var refusal = JsonDocument.Parse(await answers[5].Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("RATE_LIMITED", refusal.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(refusal.GetProperty("message").GetString()));
        answers.ForEach(a => a.Dispose());
    }

    /// <summary>An HTTP client whose connections come from 127.0.0.<paramref name="lastByte"/> (any loopback address works on Linux).</summary>
    private HttpClient FromAddress(byte lastByte)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, 0, lastByte]), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = _cluster.PublicBaseUrl };
    }

    private static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient http, string query, string? key = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", $"\"{idempotencyKey}\"");
        }

        var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, response);
    }
}
