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

    /// <summary>The Open Badges API answers in the status format its specification gives (imsx_StatusInfo), naming the parameter.</summary>
    [Theory]
    [InlineData("/ims/ob/v3p0/credentials?offset=2147483648", "'offset'")]
    [InlineData("/ims/ob/v3p0/credentials?limit=abc", "'limit'")]
    public async Task An_open_badges_api_parameter_that_cannot_be_read_is_a_400_in_the_apis_status_format(string path, string mentions)
    {
        var scenario = await CommunityScenario.CreateAsync(server.GraphQl);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await scenario.EnrolLearnerAsync()).Key);

        using var response = await server.Cluster.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{path}: HTTP {(int)response.StatusCode} {text}");
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal("failure", status.GetProperty("imsx_codeMajor").GetString());
        Assert.Contains(mentions, status.GetProperty("imsx_description").GetString(), StringComparison.Ordinal);
    }
}
