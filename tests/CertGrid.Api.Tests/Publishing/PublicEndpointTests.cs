using System.Net;
using System.Net.Http.Headers;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>The keyless public endpoints: stable URLs, proper media types and caching, 404 for unknown ids.</summary>
[Collection(SharedServerGroup.Name)]
public sealed class PublicEndpointTests(SharedServerFixture server) : IAsyncLifetime
{
    private readonly HttpClient _http = server.Cluster.CreateClient();
    private CommunityScenario _scenario = null!;
    private string _credentialUrl = null!;
    private string _definitionId = null!;

    public async Task InitializeAsync()
    {
        _scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        _definitionId = await _scenario.DefineCredentialAsync(await _scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await _scenario.RegisterEvaluatorAsync(), await _scenario.RegisterEvaluatorAsync() };
        var learner = await _scenario.EnrolLearnerAsync();
        var attempt = await _scenario.SubmitAttemptAsync(learner.Key, _definitionId, await _scenario.UploadArtifactAsync(learner.Key));
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await _scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        _credentialUrl = new Uri(server.Cluster.PublicBaseUrl, $"/c/{_scenario.Community}/credentials/{decided.GetProperty("credentialId").GetString()}").ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_credential_is_served_as_a_vc_jwt_or_as_json_by_its_id_url()
    {
        using var jwtRequest = new HttpRequestMessage(HttpMethod.Get, _credentialUrl);
        jwtRequest.Headers.Accept.ParseAdd("application/vc+jwt");
        using var jwt = await _http.SendAsync(jwtRequest);
        Assert.Equal("application/vc+jwt", jwt.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, (await jwt.Content.ReadAsStringAsync()).Split('.').Length);
        Assert.NotNull(jwt.Headers.CacheControl?.MaxAge);

        using var json = await _http.GetAsync(_credentialUrl);
        Assert.Equal("application/ld+json", json.Content.Headers.ContentType!.MediaType);
        var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(_credentialUrl, document.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_issuer_profile_and_key_set_are_public_and_cacheable()
    {
        using var issuer = await _http.GetAsync($"/c/{_scenario.Community}/issuer");
        var profile = JsonDocument.Parse(await issuer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Profile", profile.GetProperty("type")[0].GetString());
        Assert.EndsWith($"/c/{_scenario.Community}/issuer", profile.GetProperty("id").GetString());

        using var jwks = await _http.GetAsync($"/c/{_scenario.Community}/.well-known/jwks.json");
        Assert.Equal("application/jwk-set+json", jwks.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), jwks.Headers.CacheControl!.MaxAge);
        var key = JsonDocument.Parse(await jwks.Content.ReadAsStringAsync()).RootElement.GetProperty("keys")[0];
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the private key must never be published");
    }

    [Fact]
    public async Task A_published_achievement_is_public()
    {
        using var response = await _http.GetAsync($"/c/{_scenario.Community}/achievements/{_definitionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var achievement = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Certificate", achievement.GetProperty("achievementType").GetString());
    }

    [Theory]
    [InlineData("/c/{0}/credentials/vc_aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/c/{0}/credentials/not-an-id")]
    [InlineData("/c/nosuchcommunity/issuer")]
    [InlineData("/c/nosuchcommunity/.well-known/jwks.json")]
    [InlineData("/c/{0}/achievements/def_aaaaaaaaaaaaaaaaaaaa")]
    public async Task An_unknown_id_is_a_404_with_a_json_body(string path)
    {
        using var response = await _http.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _scenario.Community));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Verification_over_plain_http_accepts_an_id_or_a_jwt()
    {
        using var byId = await _http.GetAsync("/verify?credential=" + Uri.EscapeDataString(_credentialUrl));
        Assert.True(JsonDocument.Parse(await byId.Content.ReadAsStringAsync()).RootElement.GetProperty("valid").GetBoolean());

        using var jwtRequest = new HttpRequestMessage(HttpMethod.Get, _credentialUrl);
        jwtRequest.Headers.Accept.ParseAdd("application/vc+jwt");
        var jwt = await (await _http.SendAsync(jwtRequest)).Content.ReadAsStringAsync();
        using var byJwt = await _http.PostAsync("/verify", new StringContent(jwt, MediaTypeHeaderValue.Parse("text/plain")));
        var result = JsonDocument.Parse(await byJwt.Content.ReadAsStringAsync()).RootElement;
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("PASSED", result.GetProperty("checks")[0].GetProperty("outcome").GetString());

        using var garbage = await _http.PostAsync("/verify", new StringContent("not.a.jwt", MediaTypeHeaderValue.Parse("text/plain")));
        var rejected = JsonDocument.Parse(await garbage.Content.ReadAsStringAsync()).RootElement;
        Assert.False(rejected.GetProperty("valid").GetBoolean());
        Assert.Equal("FAILED", rejected.GetProperty("checks")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_revoked_credential_fails_verification_with_the_revocation_check_named()
    {
        var credentialId = _credentialUrl.Split('/')[^1];
        var fresh = await CommunityScenario.CreateAsync(server.GraphQl);
        await server.GraphQl.ErrorAsync("NOT_FOUND", "mutation($id: ID!) { revokeCredential(id: $id, reason: \"x\") { status } }", new { id = credentialId }, fresh.AdminKey);

        await server.GraphQl.DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Evidence was plagiarised\") { status } }", new { id = credentialId }, _scenario.AdminKey);
        var verification = (await server.GraphQl.DataAsync("query($c: String!) { verifyCredential(credential: $c) { valid checks { name outcome detail } } }", new { c = _credentialUrl }))
            .GetProperty("verifyCredential");
        Assert.False(verification.GetProperty("valid").GetBoolean());
        var revocation = verification.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "revocation");
        Assert.Equal("FAILED", revocation.GetProperty("outcome").GetString());
        Assert.Contains("plagiarised", revocation.GetProperty("detail").GetString());
    }
}
