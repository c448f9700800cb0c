using System.Net.Http.Headers;

namespace CertGrid.Api.Tests.Publishing;

/// <summary>
/// Issue 15.3 outside GraphQL: a path segment or query parameter that cannot be read, an address nothing is published
/// at, a method a route does not take — each is a 4xx with a JSON body carrying a code and a sentence, never a 500
/// and never an empty body.
/// </summary>
[Collection(SharedServerGroup.Name)]
public sealed class MalformedRequestTests(SharedServerFixture server)
{
    [Theory]
    [InlineData("GET", "/c/{community}/audit.jsonl?after=abc", "admin", 400, "VALIDATION_FAILED", "'after'")]
    [InlineData("GET", "/c/{community}/audit.jsonl?after=99999999999999999999", "admin", 400, "VALIDATION_FAILED", "'after'")]
    [InlineData("GET", "/ims/ob/v3p0/credentials?offset=2147483648", "learner", 400, "VALIDATION_FAILED", "'offset'")]
    [InlineData("GET", "/ims/ob/v3p0/credentials?limit=abc", "learner", 400, "VALIDATION_FAILED", "'limit'")]
    [InlineData("GET", "/c/{community}/status/revocation/2147483648", null, 404, "NOT_FOUND")]
    [InlineData("GET", "/c/{community}/status/revocation/abc", null, 404, "NOT_FOUND")]
    [InlineData("GET", "/c/%2e%2e%2f%2e%2e%2fetc%2fpasswd/issuer", null, 404, "NOT_FOUND")]
    [InlineData("GET", "/no/such/address", null, 404, "NOT_FOUND")]
    [InlineData("DELETE", "/c/{community}/issuer", null, 405, "METHOD_NOT_ALLOWED")]
    [InlineData("GET", "/graphql/assets/..%2f..%2fappsettings.json", null, 404, "NOT_FOUND")]
    public async Task A_request_that_cannot_be_served_says_why_in_a_coded_json_body(string method, string path, string? role, int status, string code, string? mentions = null)
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        var key = role switch
        {
            "admin" => scenario.AdminKey,
            "learner" => (await scenario.EnrolLearnerAsync()).Key,
            _ => null,
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{community}", scenario.Community, StringComparison.Ordinal));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await server.Cluster.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(status == (int)response.StatusCode, $"{method} {path}: HTTP {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Contains(mentions ?? "", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
    }
}
