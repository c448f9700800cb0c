using System.Net.Http.Headers;
using System.Text;

namespace CertGrid.Api.Tests.Retries;

/// <summary>What a client sees of one POST to /graphql sent with an <c>Idempotency-Key</c>.</summary>
public sealed record IdempotentAnswer(int Status, string Text, HttpResponseHeaders Headers)
{
    public JsonElement Body => JsonDocument.Parse(Text).RootElement;

    public string? Code => Body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    public bool Replayed => Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");

    public JsonElement Data(string field)
    {
        Assert.True(!Body.TryGetProperty("errors", out var errors), $"Expected no errors (HTTP {Status}) but got: {errors}");
        return Body.GetProperty("data").GetProperty(field);
    }
}

/// <summary>Sends a mutation as a client that retries would: the same body bytes, the same key.</summary>
public static class IdempotentPost
{
    public static async Task<IdempotentAnswer> SendAsync(HttpClient http, string idempotencyKey, string apiKey, string query, object? variables = null) =>
        await SendBodyAsync(http, idempotencyKey, apiKey, JsonSerializer.Serialize(new { query, variables }));

    public static async Task<IdempotentAnswer> SendBodyAsync(HttpClient http, string? idempotencyKey, string apiKey, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request);
        return new IdempotentAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }

    /// <summary>A fresh key as a client would make one (RFC 9562 UUID, in sf-string quotes as the draft shows).</summary>
    public static string NewKey() => $"\"{Guid.NewGuid()}\"";
}
