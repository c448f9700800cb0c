using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using System.Text;
using CertGrid.Api.GraphQl;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>
/// Issue 15.3: the inputs that answered HTTP 500 or <c>INTERNAL_SERVER_ERROR</c> before are each a coded 4xx or a
/// coded GraphQL error with a message a person understands.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class MalformedGraphQlRequestTests(SharedServerFixture server)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_lone_surrogate_in_any_variable_even_an_unused_one_is_a_bad_request_that_says_so(bool withKey)
    {
        var key = withKey ? (await CommunityScenario.CreateAsync(server.GraphQl)).AdminKey : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ ping }","variables":{"unused":"x\ud83dy"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await server.Cluster.CreateClient().SendAsync(request);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("lone surrogate", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_escaped_in_a_string_of_the_document_is_refused_before_it_reaches_a_resolver()
    {
        var error = await server.GraphQl.ErrorAsync("GRAPHQL_VALIDATION_FAILED", """{ verifyCredential(credential: "x\ud83dy") { valid } }""");

        Assert.Contains("not valid Unicode", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_null_inside_a_list_is_a_validation_error_naming_the_item()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var framework = await scenario.DefinePublishedFrameworkAsync();

        var scopes = await server.GraphQl.ErrorAsync("VALIDATION_FAILED",
            "mutation { issueApiKey(input: { role: PARTNER, scopes: [null], label: \"partner\" }) { token } }", key: scenario.AdminKey);
        var codes = await server.GraphQl.ErrorAsync("VALIDATION_FAILED",
            "mutation($f: ID!) { defineSpecialisation(input: { name: \"SRE\", frameworkId: $f, coreCompetencyCodes: [null], tracks: [] }) { id } }",
            new { f = framework }, scenario.AdminKey);

        Assert.Equal("input.scopes[0]", scopes.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Equal("input.coreCompetencyCodes[0]", codes.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_40_kb_signing_key_filter_is_a_validation_error_not_a_storage_failure()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);

        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "query($k: ID) { credentials(signedWithKey: $k) { nodes { id } } }",
            new { k = new string('k', 40_000) }, scenario.AdminKey);

        Assert.Equal("signedWithKey", error.GetProperty("extensions").GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_internal_failure_never_shows_its_message_to_a_keyless_caller()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var framework = await scenario.DefinePublishedFrameworkAsync();
        await scenario.DefineCredentialAsync(framework);

        // This asked a grain with a key that had lost its community and answered "Grain key '/def_…' does not carry a community".
        var (_, body) = await server.GraphQl.SendAsync("query($c: ID!) { publicProgram(communityId: $c) { credentials { name assessmentPolicy { blindReview } } } }",
            new { c = scenario.Community });

        foreach (var error in body.TryGetProperty("errors", out var errors) ? errors.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            Assert.False(string.IsNullOrEmpty(error.GetProperty("extensions").GetProperty("code").GetString()));
            Assert.DoesNotContain("Grain", error.GetProperty("message").GetString());
            Assert.DoesNotContain("'/", error.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("""{"query":"{ ping }","variables":{"a":"\ud83d\ude00"}}""", false)]
    [InlineData("""{"query":"{ ping }","variables":{"a":"\\ud83d"}}""", false)]
    [InlineData("""{"query":"{ ping }","variables":{"a":"x\ud83dy"}}""", true)]
    [InlineData("""{"query":"{ ping }","variables":{"a":"\ude00"}}""", true)]
    [InlineData("""{"query":"{ ping }","variables":{"a":"\ud83d\ud83d"}}""", true)]
    [InlineData("""{"a":"\ud83d"}""", true)]
    public void Lone_surrogate_escapes_are_told_apart_from_pairs_and_escaped_backslashes(string json, bool lone) =>
        Assert.Equal(lone, JsonLoneSurrogates.Contain(json));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_cut_short_by_the_client_is_a_bad_request_not_a_server_error(bool mutationWithIdempotencyKey)
    {
        var key = (await CommunityScenario.CreateAsync(server.GraphQl)).AdminKey;
        const string marker = "body could not be read";
        var logged = server.Cluster.Nodes.SelectMany(node => node.Logs.Entries);
        int Told() => logged.Count(e => e.Level == LogLevel.Information && e.Message.Contains(marker, StringComparison.Ordinal));
        int Unhandled() => logged.Count(e => e.Level >= LogLevel.Error && e.Category.EndsWith(nameof(GraphQlFailureAnswers), StringComparison.Ordinal));
        var (toldBefore, unhandledBefore) = (Told(), Unhandled());
        var body = mutationWithIdempotencyKey ? """{"query":"mutation { revokeApiKey(id: \"k\") { id } }"}""" : """{"query":"{ ping }"}""";
        var head = string.Join("\r\n",
            "POST /graphql HTTP/1.1",
            $"Host: {server.Cluster.PublicBaseUrl.Authority}",
            "Content-Type: application/json",
            "Accept: application/graphql-response+json",
            $"Authorization: Bearer {key}",
            mutationWithIdempotencyKey ? $"Idempotency-Key: \"{Guid.NewGuid():N}\"" : "X-Test: plain",
            $"Content-Length: {body.Length + 100}",
            "",
            "");

        // Half the body; once the gateway waits for the rest, the client closes its side: the declared length never
        // arrives. A gateway still busy before reading the body (a loaded machine) sees only a client that left, which
        // it rightly does not log: the pause before closing grows until the gateway was reading.
        var answers = new List<string>();
        foreach (var pause in new[] { 1, 2, 4, 8 })
        {
            answers.Add(await CutShortAsync(head + body[..(body.Length / 2)], TimeSpan.FromSeconds(pause)));
            for (var waited = 0; waited < 30 && Told() == toldBefore; waited++)
            {
                await Task.Delay(100);
            }

            if (Told() > toldBefore)
            {
                break;
            }
        }

        // The client is gone, so Kestrel may not deliver an answer; if it does, it is the coded 400. Either way the
        // gateway tells operators it was the client's doing, not an unhandled error of ours.
        foreach (var text in answers.Where(text => text.Length > 0))
        {
            Assert.StartsWith("HTTP/1.1 400", text);
            var error = JsonDocument.Parse(text[text.IndexOf("\r\n\r\n", StringComparison.Ordinal)..]).RootElement.GetProperty("errors")[0];
            Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        }

        Assert.True(Told() > toldBefore, $"nothing told of a body cut short; logs: {string.Join("\n", logged.TakeLast(8))}");
        Assert.Equal(unhandledBefore, Unhandled());
    }

    /// <summary>Sends <paramref name="request"/> (its body incomplete), waits, closes the sending side, and reads what comes back.</summary>
    private async Task<string> CutShortAsync(string request, TimeSpan pause)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Cluster.PublicBaseUrl.Host, server.Cluster.PublicBaseUrl.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        await Task.Delay(pause);
        socket.Shutdown(SocketShutdown.Send);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer)) > 0)
            {
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (SocketException reset) when (reset.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Kestrel may close a connection whose request body it could not finish reading without a word.
        }

        return answer.ToString();
    }
}
