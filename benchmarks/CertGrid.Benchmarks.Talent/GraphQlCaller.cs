using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CertGrid.Benchmarks.Talent;

/// <summary>Posts GraphQL requests to one node and fails loudly on any error (nothing is measured on error responses).</summary>
public sealed class GraphQlCaller(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };

    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || body.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"GraphQL request failed (HTTP {(int)response.StatusCode}): {body}");
        }

        return body.GetProperty("data");
    }

    public void Dispose() => _http.Dispose();
}
