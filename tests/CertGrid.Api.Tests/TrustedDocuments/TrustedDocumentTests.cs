using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Api.Tests.TrustedDocuments;

/// <summary>
/// Issue 15.2: partner apps register the documents they send and then send only their ids (GraphQL-over-HTTP's
/// <c>documentId</c>, or Apollo's persisted-query hash); a key, or a whole community, can be set to run registered
/// documents only.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class TrustedDocumentTests(SharedServerFixture server)
{
    private const string Viewer = "query Viewer { viewer { role keyId } }";
    private const string Register = "mutation($d: String!, $n: String) { registerTrustedDocument(document: $d, name: $n) { id sha256 name } }";

    [Fact]
    public async Task A_registered_document_runs_by_its_id_over_post_and_get_and_as_an_apollo_persisted_query()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var partner = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        var registered = (await server.GraphQl.DataAsync(Register, new { d = Viewer, n = "viewer" }, partner)).GetProperty("registerTrustedDocument");
        var again = (await server.GraphQl.DataAsync(Register, new { d = Viewer }, scenario.AdminKey)).GetProperty("registerTrustedDocument");

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Viewer)));
        Assert.Equal("sha256:" + hash, registered.GetProperty("id").GetString());
        Assert.Equal(registered.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Equal("PARTNER", (await PostAsync(new { documentId = "sha256:" + hash }, partner)).GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal("PARTNER", (await PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } }, partner))
            .GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?documentId=sha256%3A" + hash);
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", partner);
        using var answer = await server.Cluster.CreateClient().SendAsync(get);
        Assert.Contains("\"PARTNER\"", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_mistyped_or_mismatched_id_is_a_coded_request_error()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var other = await CommunityScenario.CreateAsync(server.GraphQl);
        var id = (await server.GraphQl.DataAsync(Register, new { d = Viewer }, other.AdminKey)).GetProperty("registerTrustedDocument").GetProperty("id").GetString()!;

        // Another community's registration does not exist here.
        Assert.Equal("DOCUMENT_NOT_FOUND", Code(await PostAsync(new { documentId = id }, scenario.AdminKey)));
        Assert.Equal("DOCUMENT_NOT_FOUND", Code(await PostAsync(new { documentId = id }, null)));
        Assert.Equal("DOCUMENT_ID_INVALID", Code(await PostAsync(new { documentId = "md5:abc" }, scenario.AdminKey)));
        Assert.Equal("DOCUMENT_ID_INVALID", Code(await PostAsync(new { documentId = id, query = "{ ping }" }, other.AdminKey)));
        await server.GraphQl.ErrorAsync("VALIDATION_FAILED", Register, new { d = "{ ping " }, scenario.AdminKey);
        await server.GraphQl.ErrorAsync("FORBIDDEN", Register, new { d = Viewer }, (await scenario.EnrolLearnerAsync()).Key);
    }

    [Fact]
    public async Task A_key_or_a_whole_community_set_to_registered_documents_runs_nothing_else()
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var strict = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        var lenient = await scenario.IssueKeyAsync("PARTNER", null, ["credentials:read"]);
        var strictId = (await server.GraphQl.DataAsync("{ viewer { keyId } }", key: strict)).GetProperty("viewer").GetProperty("keyId").GetString();
        await server.GraphQl.DataAsync(Register, new { d = Viewer }, strict);
        await server.GraphQl.DataAsync("mutation($k: ID) { requireTrustedDocuments(required: true, keyId: $k) { keyIds } }", new { k = strictId }, scenario.AdminKey);

        var refused = await PostAsync(new { query = "{ ping }" }, strict);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(refused));
        Assert.Equal("PARTNER", (await PostAsync(new { query = Viewer }, strict)).GetProperty("data").GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal("pong", (await PostAsync(new { query = "{ ping }" }, lenient)).GetProperty("data").GetProperty("ping").GetString());

        await server.GraphQl.DataAsync("mutation { requireTrustedDocuments(required: true) { community } }", key: scenario.AdminKey);
        Assert.Equal("TRUSTED_DOCUMENT_REQUIRED", Code(await PostAsync(new { query = "{ ping }" }, lenient)));
        // Admin keys are not bound by the community-wide setting, so an admin can always lift it.
        var policy = (await PostAsync(new { query = "{ trustedDocumentPolicy { community keyIds } }" }, scenario.AdminKey)).GetProperty("data").GetProperty("trustedDocumentPolicy");
        Assert.True(policy.GetProperty("community").GetBoolean());
        Assert.Equal([strictId], policy.GetProperty("keyIds").EnumerateArray().Select(k => k.GetString()));
    }

    private static string? Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private async Task<JsonElement> PostAsync(object payload, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await server.Cluster.CreateClient().SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
