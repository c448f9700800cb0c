using System.Text;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Writes one GraphQL-over-SSE response (the graphql-sse protocol, distinct connections mode): each result as an
/// <c>event: next</c> message, the end as <c>event: complete</c>, and comment lines as heartbeats so proxies keep a quiet
/// stream open. Every message is flushed at once.
/// </summary>
public sealed class ServerSentEvents(HttpContext http, IGraphQLSerializer serializer)
{
    public const string MediaType = "text/event-stream";

    private static readonly byte[] NextHeader = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] MessageEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] Heartbeat = ":\n\n"u8.ToArray();

    /// <summary>Whether a request asks for an event stream.</summary>
    public static bool Requested(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers 200 with the stream's headers, unbuffered.</summary>
    public async Task StartAsync()
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = $"{MediaType}; charset=utf-8";
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async Task NextAsync(ExecutionResult result)
    {
        using var json = new MemoryStream();
        await serializer.WriteAsync(json, result, http.RequestAborted);

        // Compact JSON escapes line breaks inside strings, so the data is one line; any other break would end the field.
        var data = Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        await WriteAsync(NextHeader, Encoding.UTF8.GetBytes(data), MessageEnd);
    }

    public Task CompleteAsync() => WriteAsync(Complete);

    public Task HeartbeatAsync() => WriteAsync(Heartbeat);

    private async Task WriteAsync(params byte[][] parts)
    {
        foreach (var part in parts)
        {
            await http.Response.Body.WriteAsync(part, http.RequestAborted);
        }

        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
