using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>How /graphql behaves over HTTP: media types, status codes, limits, GraphiQL.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class GraphQlOverHttpTests(SharedServerFixture server)
{
    private readonly HttpClient _http = server.Cluster.CreateClient();

    [Fact]
    public async Task A_get_query_answers_in_the_media_type_the_client_accepts()
    {
        foreach (var (accept, expected) in new[] { ("application/graphql-response+json", "application/graphql-response+json"), ("application/json", "application/json"), ("*/*", "application/json") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7Bping%7D");
            request.Headers.Accept.ParseAdd(accept);
            using var response = await _http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("pong", (await Body(response)).GetProperty("data").GetProperty("ping").GetString());
        }
    }

    [Fact]
    public async Task A_mutation_sent_with_get_is_refused_with_405()
    {
        using var response = await _http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { revokeApiKey(id: \"key_aaaaaaaaaaaaaaaaaaaa\") { id } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal("METHOD_NOT_ALLOWED", Code(await Body(response)));
    }

    [Fact]
    public async Task A_post_without_a_json_content_type_is_refused_with_415()
    {
        using var response = await _http.PostAsync("/graphql", new StringContent("{ ping }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Code(await Body(response)));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413()
    {
        var huge = JsonSerializer.Serialize(new { query = "{ ping }", variables = new { padding = new string('x', 70_000) } });
        using var response = await _http.PostAsync("/graphql", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", Code(await Body(response)));
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_refused_with_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("{ ping }") };
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{ ping ", "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED")]
    public async Task Request_errors_are_400_without_data_in_graphql_response_json_and_200_in_legacy_json(string query, string code)
    {
        using var modern = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(query) };
        modern.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var modernResponse = await _http.SendAsync(modern);
        var modernBody = await Body(modernResponse);
        Assert.Equal(HttpStatusCode.BadRequest, modernResponse.StatusCode);
        Assert.False(modernBody.TryGetProperty("data", out _));
        Assert.Equal(code, Code(modernBody));

        using var legacy = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(query) };
        legacy.Headers.Accept.ParseAdd("application/json");
        using var legacyResponse = await _http.SendAsync(legacy);
        Assert.Equal(HttpStatusCode.OK, legacyResponse.StatusCode);
        Assert.Equal(code, Code(await Body(legacyResponse)));
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_before_it_runs()
    {
        var deep = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 14)) + "name" + new string('}', 18) + " }";
        var (status, body) = await server.GraphQl.SendAsync(deep);
        Assert.Equal(400, status);
        Assert.Equal("QUERY_TOO_COMPLEX", Code(body));
    }

    [Fact]
    public async Task Lists_refuse_pages_larger_than_100()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var error = await server.GraphQl.ErrorAsync("VALIDATION_FAILED", "{ learners(first: 101) { nodes { id } } }", key: scenario.AdminKey);
        Assert.Contains("100", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_browser_gets_graphiql_served_from_the_app_itself()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await _http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/graphql/assets/graphiql.min.js", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);

        foreach (var asset in new[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js" })
        {
            using var assetResponse = await _http.GetAsync($"/graphql/assets/{asset}");
            Assert.Equal(HttpStatusCode.OK, assetResponse.StatusCode);
            Assert.True((await assetResponse.Content.ReadAsByteArrayAsync()).Length > 1000, asset);
        }
    }

    private static StringContent Json(string query) => new(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Body(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
