using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>Posts GraphQL requests to /graphql the way any client would, with an optional API key.</summary>
public sealed class GraphQlClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>The full response (status and parsed body), whatever it says.</summary>
    public async Task<(int Status, JsonElement Body)> SendAsync(string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body);
    }

    /// <summary>The data of a request that must succeed; fails the test with the errors otherwise.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? key = null)
    {
        var (status, body) = await SendAsync(query, variables, key);
        Assert.True(!body.TryGetProperty("errors", out var errors), $"Expected no errors (HTTP {status}) but got: {errors}");
        Assert.Equal(200, status);
        return body.GetProperty("data");
    }

    /// <summary>The first error of a request that must fail, with its code checked.</summary>
    public async Task<JsonElement> ErrorAsync(string expectedCode, string query, object? variables = null, string? key = null)
    {
        var (_, body) = await SendAsync(query, variables, key);
        Assert.True(body.TryGetProperty("errors", out var errors), $"Expected a {expectedCode} error but got: {body}");
        var error = errors[0];
        Assert.Equal(expectedCode, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error;
    }
}
