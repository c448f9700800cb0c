using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Bogus;
using CertGrid.Testing;
using CertGrid.Testing.Browser;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// The OB 3.0 API with OAuth 2.0, played by an independent client (npm openid-client, <c>tests/interop/ob3-oauth-client.mjs</c>)
/// over HTTP: registration, authorization code with PKCE through the consent page, token, the four operations with their
/// scopes, revocation; every rejection a standard OAuth error. The consent page passes axe-core in a real browser.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class OpenBadgesOAuthTests(SharedServerFixture server)
{
    private const string ReadScope = "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly";
    private static readonly Faker Faker = new() { Random = new Randomizer(16) };

    [Fact]
    public async Task A_real_oauth_client_registers_is_authorised_by_a_learner_uses_the_api_and_its_revoked_token_is_refused()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var definition = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var learner = await scenario.EnrolLearnerAsync();
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, definition, await scenario.UploadArtifactAsync(learner.Key));
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        var issuedJwt = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { jwt } }", new { id = decided.GetProperty("credentialId").GetString() }, learner.Key))
            .GetProperty("credential").GetProperty("jwt").GetString();
        var elsewhere = ExternalCredential();
        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new { @base = server.Cluster.Nodes[0].BaseAddress.ToString(), learnerKey = learner.Key, credential = elsewhere }));

        var run = await NodeScript.RunAsync("tests/interop/ob3-oauth-client.mjs", request);
        // The client's transcript is kept beside the screenshots, to read what it saw when an assertion fails.
        await File.WriteAllTextAsync(Path.Combine(HeadlessBrowser.ScreenshotDirectory, "ob3-oauth-client.log"), run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var reported = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(s => s.GetProperty("step").GetString()!);
        JsonElement Step(string name) => reported.TryGetValue(name, out var step) ? step : throw new Xunit.Sdk.XunitException($"The client reported no step '{name}':\n{run}");

        Assert.Equal(201, Step("register").GetProperty("status").GetInt32());
        Assert.True(Step("register").GetProperty("hasSecret").GetBoolean());
        Assert.Equal("invalid_redirect_uri", Step("register-refused-redirect").GetProperty("error").GetString());
        Assert.Equal("invalid_client_metadata", Step("register-refused-scope").GetProperty("error").GetString());
        Assert.True(Step("metadata").GetProperty("authorization").GetBoolean() && Step("metadata").GetProperty("token").GetBoolean(), Step("metadata").ToString());
        Assert.Equal(["S256"], Step("metadata").GetProperty("pkce").EnumerateArray().Select(m => m.GetString()));

        Assert.Equal(400, Step("consent-wrong-key").GetProperty("status").GetInt32());
        Assert.True(Step("consent-wrong-key").GetProperty("alert").GetBoolean());
        Assert.Equal(302, Step("token").GetProperty("status").GetInt32());
        Assert.Equal(4, Step("token").GetProperty("scope").GetArrayLength());
        Assert.True(Step("token").GetProperty("refresh").GetBoolean());
        Assert.Equal("invalid_grant", Step("code-replay").GetProperty("error").GetString());
        Assert.Equal(302, Step("denied").GetProperty("status").GetInt32());
        Assert.Equal("access_denied", Step("denied").GetProperty("error").GetString());
        Assert.True(Step("refresh").GetProperty("renewed").GetBoolean());

        var page = Step("getCredentials");
        Assert.Equal(200, page.GetProperty("status").GetInt32());
        Assert.Equal("1", page.GetProperty("total").GetString());
        Assert.Contains("rel=\"first\"", page.GetProperty("link").GetString());
        Assert.Contains("rel=\"last\"", page.GetProperty("link").GetString());
        Assert.DoesNotContain("rel=\"next\"", page.GetProperty("link").GetString());
        Assert.Equal(issuedJwt, page.GetProperty("compactJwsString")[0].GetString());

        var upsert = Step("upsertCredential");
        Assert.Equal(201, upsert.GetProperty("created").GetInt32());
        Assert.Equal(200, upsert.GetProperty("replaced").GetInt32());
        Assert.Equal(400, upsert.GetProperty("invalid").GetInt32());
        Assert.Equal("failure", upsert.GetProperty("invalidBody").GetProperty("imsx_codeMajor").GetString());
        Assert.Equal("2", upsert.GetProperty("afterTotal").GetString());
        Assert.Equal("Renamed", upsert.GetProperty("hostedName").GetString());

        var profile = Step("profile");
        Assert.Equal(200, profile.GetProperty("get").GetInt32());
        Assert.Equal("Profile", profile.GetProperty("profile").GetProperty("type")[0].GetString());
        Assert.Equal(200, profile.GetProperty("put").GetInt32());
        Assert.Equal("https://people.example/ada", profile.GetProperty("url").GetString());
        Assert.Equal(400, profile.GetProperty("renameRefused").GetInt32());
        var stored = (await server.GraphQl.DataAsync("query { learner { publicProfileUrl } }", key: learner.Key)).GetProperty("learner");
        Assert.Equal("https://people.example/ada", stored.GetProperty("publicProfileUrl").GetString());

        Assert.Equal(403, Step("insufficient-scope").GetProperty("status").GetInt32());
        Assert.Equal("insufficient_scope", Step("insufficient-scope").GetProperty("challenge").GetProperty("error").GetString());
        // Errors of a request from a known client to its registered redirect URI go back there (RFC 6749 4.1.2.1).
        Assert.Equal(302, Step("unknown-scope").GetProperty("status").GetInt32());
        Assert.Equal("invalid_scope", Step("unknown-scope").GetProperty("error").GetString());
        Assert.Equal(302, Step("no-pkce").GetProperty("status").GetInt32());
        Assert.Equal("invalid_request", Step("no-pkce").GetProperty("error").GetString());
        Assert.Equal(400, Step("unregistered-redirect").GetProperty("status").GetInt32());
        Assert.Equal("invalid_request", Step("unregistered-redirect").GetProperty("error").GetString());
        Assert.Equal("invalid_client", Step("wrong-secret").GetProperty("error").GetString());

        Assert.Equal(401, Step("revoked").GetProperty("status").GetInt32());
        Assert.Equal("invalid_token", Step("revoked").GetProperty("challenge").GetProperty("error").GetString());
        Assert.Equal(200, Step("revoked").GetProperty("otherToken").GetInt32());
    }

    [Fact]
    public async Task The_consent_page_works_in_a_real_browser_without_serious_accessibility_violations()
    {
        using var http = server.Cluster.CreateClient();
        using var registered = await http.PostAsJsonAsync("/oauth/register", new Dictionary<string, object>
        {
            ["client_name"] = Faker.Company.CompanyName() + " Wallet",
            ["redirect_uris"] = new[] { "http://127.0.0.1:8765/callback" },
            ["scope"] = ReadScope,
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var client = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var challenge = Convert.ToBase64String(SHA256.HashData("a-verifier-of-at-least-forty-three-characters-long"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var url = new Uri(server.Cluster.Nodes[0].BaseAddress, "/oauth/authorize?response_type=code"
            + $"&client_id={client.GetProperty("client_id").GetString()}&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:8765/callback")}"
            + $"&scope={Uri.EscapeDataString(ReadScope)}&state=s1&code_challenge={challenge}&code_challenge_method=S256");

        var report = await HeadlessBrowser.CheckAsync(url, new Dictionary<string, string> { ["client"] = "#client-name", ["scopes"] = "#scopes" }, "oauth-consent.png");

        Assert.Equal(200, report.Status);
        Assert.Equal(client.GetProperty("client_name").GetString(), report.Text["client"]);
        Assert.Contains("Read your credentials", report.Text["scopes"]);
        Assert.Empty(report.Serious);
        Assert.Empty(report.ForeignRequests);
    }

    private static Dictionary<string, object> ExternalCredential() => new Dictionary<string, object>
    {
        ["@context"] = new[] { "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" },
        ["id"] = $"urn:uuid:{Faker.Random.Guid()}",
        ["type"] = new[] { "VerifiableCredential", "OpenBadgeCredential" },
        ["name"] = Faker.Commerce.ProductName() + " Badge",
        ["issuer"] = new Dictionary<string, object> { ["id"] = "https://" + Faker.Internet.DomainName(), ["type"] = new[] { "Profile" }, ["name"] = Faker.Company.CompanyName() },
        ["validFrom"] = "2026-01-15T00:00:00Z",
        ["credentialSubject"] = new Dictionary<string, object>
        {
            ["type"] = new[] { "AchievementSubject" },
            ["achievement"] = new Dictionary<string, object>
            {
                ["id"] = "https://" + Faker.Internet.DomainName() + "/achievements/1",
                ["type"] = new[] { "Achievement" },
                ["name"] = Faker.Commerce.ProductName(),
                ["description"] = Faker.Lorem.Sentence(),
                ["criteria"] = new Dictionary<string, object> { ["narrative"] = Faker.Lorem.Sentence() },
            },
        },
    };
}
