using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CertGrid.Api.Tests.Events;

/// <summary>
/// Reads a GraphQL-over-SSE response the way an EventSource client does: POSTs the request with
/// <c>Accept: text/event-stream</c>, then parses messages (<c>event:</c>, <c>data:</c>, blank line) and comment lines.
/// </summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamClient(HttpResponseMessage response, StreamReader reader) => (_response, _reader) = (response, reader);

    public int Status => (int)_response.StatusCode;

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Comment lines (heartbeats) read so far.</summary>
    public int Comments { get; private set; }

    public static async Task<EventStreamClient> OpenAsync(HttpClient http, string query, object? variables, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStreamClient(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The whole body of a refused request (not a stream), parsed.</summary>
    public async Task<JsonElement> BodyAsync() => JsonDocument.Parse(await _reader.ReadToEndAsync()).RootElement;

    /// <summary>The next message (its event name and data), or null when the stream ended; fails after <paramref name="timeout"/>.</summary>
    public async Task<(string Event, string Data)?> NextMessageAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        string? name = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    return (name ?? "message", string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }

        return null;
    }

    /// <summary>The next <c>next</c> message's GraphQL result; fails on anything else.</summary>
    public async Task<JsonElement> NextResultAsync(TimeSpan? timeout = null)
    {
        var message = await NextMessageAsync(timeout);
        Assert.True(message is { Event: "next" }, $"Expected an 'event: next' message, got {message?.Event ?? "the end of the stream"}: {message?.Data}");
        return JsonDocument.Parse(message!.Value.Data).RootElement;
    }

    /// <summary>Reads comment lines (heartbeats) until <paramref name="count"/> more arrived; fails on a message or after the timeout.</summary>
    public async Task WaitForCommentsAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var target = Comments + count;
        while (Comments < target && await _reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else
            {
                Assert.True(line.Length == 0, $"Expected only heartbeats while the stream is quiet, got '{line}'.");
            }
        }

        Assert.True(Comments >= target, "The stream ended before its heartbeats arrived.");
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
