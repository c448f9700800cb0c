using System.Net;
using System.Net.Http.Headers;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.Badges;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Interop;

/// <summary>
/// Other software agrees, knowing nothing but each VC-JWT: its kid dereferences to the JWK jose verifies it with (ES256
/// and RS256), ajv validates each credential against 1EdTech's unmodified Open Badges 3.0 schema, and
/// @digitalbazaar/vc-bitstring-status-list finds the status entry and decodes the published list, whose 2-bit codes
/// match what admins did.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class CredentialInteropTests(SharedServerFixture server)
{
    [Fact]
    public async Task Jose_ajv_and_the_bitstring_status_list_library_agree_with_certgrid()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credential = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };

        var revoked = await EarnAsync(scenario, credential, evaluators);
        var suspended = await EarnAsync(scenario, credential, evaluators);
        await server.GraphQl.DataAsync("mutation { rotateSigningKey(algorithm: RS256) { keyId } }", key: scenario.AdminKey);
        var rs256 = await EarnAsync(scenario, credential, evaluators);
        await server.GraphQl.DataAsync("mutation($id: ID!) { revokeCredential(id: $id, reason: \"Plagiarism\") { status } }", new { id = revoked.Id }, scenario.AdminKey);
        await server.GraphQl.DataAsync("mutation($id: ID!) { suspendCredential(id: $id, reason: \"Under review\") { status } }", new { id = suspended.Id }, scenario.AdminKey);

        var request = Path.GetTempFileName();
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new
        {
            credentials = new object[]
            {
                new { jwt = revoked.Jwt, expectRevoked = true, expectSuspended = false },
                new { jwt = suspended.Jwt, expectRevoked = false, expectSuspended = true },
                new { jwt = rs256.Jwt, expectRevoked = false, expectSuspended = false },
            },
        }));

        var run = await NodeScript.RunAsync("tests/interop/verify-credentials.mjs", request);
        Assert.True(run.ExitCode == 0, run.ToString());
        var results = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString()));
        Assert.Equal(["ES256", "ES256", "RS256"], results.Select(r => r.GetProperty("alg").GetString()));
        Assert.All(results, r => Assert.StartsWith($"{server.Cluster.PublicBaseUrl}c/{scenario.Community}/keys/", r.GetProperty("kid").GetString()));
        Assert.Equal(["revoked", "suspended", "valid"], results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_credential_baked_into_its_badge_image_carries_its_jwt()
    {
        var (scenario, earned) = await EarnOneAsync();
        using var http = server.Cluster.CreateClient();

        var svg = await http.GetStringAsync($"/c/{scenario.Community}/credentials/{earned.Id}/badge.svg");
        Assert.Contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", svg);
        Assert.Contains($"<openbadges:credential verify=\"{earned.Jwt}\">", svg);
        System.Xml.Linq.XDocument.Parse(svg);

        using var png = await http.GetAsync($"/c/{scenario.Community}/credentials/{earned.Id}/badge.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(earned.Jwt, BadgePng.ReadBaked(bytes));
        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], BadgePng.ReadChunks(bytes).Select(c => c.Type));

        var image = await http.GetAsync($"/c/{scenario.Community}/achievements/{earned.DefinitionId}/image.svg");
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_did_web_document_publishes_the_signing_keys()
    {
        var (scenario, earned) = await EarnOneAsync();
        using var http = server.Cluster.CreateClient();
        var did = JsonDocument.Parse(await http.GetStringAsync($"/c/{scenario.Community}/did.json")).RootElement;
        var expected = $"did:web:127.0.0.1%3A{server.Cluster.PublicBaseUrl.Port}:c:{scenario.Community}";
        Assert.Equal(expected, did.GetProperty("id").GetString());
        Assert.Contains($"{expected}#{earned.KeyId}", did.GetProperty("assertionMethod").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Evidence_links_open_only_to_those_the_learner_allows()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credential = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var earned = await EarnAsync(scenario, credential, evaluators);
        var link = JsonDocument.Parse(earned.Document).RootElement.GetProperty("evidence")[0].GetProperty("id").GetString()!;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(link)).StatusCode);
        using (var asLearner = new HttpRequestMessage(HttpMethod.Get, link))
        {
            asLearner.Headers.Authorization = new AuthenticationHeaderValue("Bearer", earned.LearnerKey);
            Assert.Equal(HttpStatusCode.Redirect, (await http.SendAsync(asLearner)).StatusCode);
        }

        await server.GraphQl.DataAsync("mutation($a: ID!) { setArtifactVisibility(artifactId: $a, public: true) { public } }", new { a = earned.ArtifactId }, earned.LearnerKey);
        using var open = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var file = await new HttpClient().GetByteArrayAsync(open.Headers.Location);
        Assert.StartsWith("# Evidence", System.Text.Encoding.UTF8.GetString(file));
    }

    [Fact]
    public async Task A_learner_exports_a_signed_clr_and_lists_credentials_through_the_open_badges_api()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credential = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        var earned = await EarnAsync(scenario, credential, evaluators);
        using var http = server.Cluster.CreateClient();

        using var clrRequest = new HttpRequestMessage(HttpMethod.Get, $"/c/{scenario.Community}/learners/{earned.LearnerId}/clr");
        clrRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", earned.LearnerKey);
        clrRequest.Headers.Accept.ParseAdd("application/vc+jwt");
        var clrJwt = await (await http.SendAsync(clrRequest)).Content.ReadAsStringAsync();
        var clr = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(clrJwt.Split('.')[1])).RootElement;
        Assert.Contains("ClrCredential", clr.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var embedded = clr.GetProperty("credentialSubject").GetProperty("verifiableCredential")[0].GetProperty("id").GetString();
        Assert.Equal($"data:application/vc+jwt,{earned.Jwt}", embedded);
        Assert.Empty(ClrShape.FindProblems(System.Text.Json.Nodes.JsonNode.Parse(clr.GetRawText())!.AsObject()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/c/{scenario.Community}/learners/{earned.LearnerId}/clr")).StatusCode);

        using var obRequest = new HttpRequestMessage(HttpMethod.Get, "/ims/ob/v3p0/credentials");
        obRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", earned.LearnerKey);
        using var ob = await http.SendAsync(obRequest);
        var listed = JsonDocument.Parse(await ob.Content.ReadAsStringAsync()).RootElement.GetProperty("compactJwsStrings");
        Assert.Equal(earned.Jwt, listed[0].GetString());
        Assert.Equal("1", ob.Headers.GetValues("X-Total-Count").Single());
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/ims/ob/v3p0/discovery")).RootElement;
        Assert.True(discovery.GetProperty("paths").TryGetProperty("/credentials", out _));
    }

    private async Task<(CommunityScenario Scenario, Earned Earned)> EarnOneAsync()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var credential = await scenario.DefineCredentialAsync(await scenario.DefinePublishedFrameworkAsync());
        var evaluators = new[] { await scenario.RegisterEvaluatorAsync(), await scenario.RegisterEvaluatorAsync() };
        return (scenario, await EarnAsync(scenario, credential, evaluators));
    }

    private async Task<Earned> EarnAsync(CommunityScenario scenario, string credentialId, (string Id, string Key)[] evaluators)
    {
        var learner = await scenario.EnrolLearnerAsync();
        var artifact = await scenario.UploadArtifactAsync(learner.Key);
        var attempt = await scenario.SubmitAttemptAsync(learner.Key, credentialId, artifact);
        JsonElement decided = default;
        foreach (var evaluator in evaluators)
        {
            decided = await scenario.ReviewAsync(evaluator.Key, attempt.GetProperty("id").GetString()!, "Exemplary");
        }

        var id = decided.GetProperty("credentialId").GetString()!;
        var issued = (await server.GraphQl.DataAsync("query($id: ID!) { credential(id: $id) { jwt document signingKeyId credentialDefinitionId } }", new { id }, learner.Key))
            .GetProperty("credential");
        return new Earned(id, issued.GetProperty("jwt").GetString()!, issued.GetProperty("document").GetString()!, issued.GetProperty("signingKeyId").GetString()!,
            issued.GetProperty("credentialDefinitionId").GetString()!, learner.Id, learner.Key, artifact);
    }

    private sealed record Earned(string Id, string Jwt, string Document, string KeyId, string DefinitionId, string LearnerId, string LearnerKey, string ArtifactId);
}
