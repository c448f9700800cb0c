using System.Collections.Concurrent;
using CertGrid.Domain.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CertGrid.Testing;

/// <summary>
/// A real HTTP receiver for webhook tests: Kestrel on a free loopback port, recording every delivery (headers and
/// raw body). It can be told to fail the next N deliveries, or every one, to test retries and dead letters.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where to register the endpoint.</summary>
    public string Url { get; }

    /// <summary>Every request received, in order, including those it answered with an error.</summary>
    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    /// <summary>Answers 500 to the next this many requests (-1: to every request).</summary>
    public int FailNext
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public IEnumerable<ReceivedDelivery> Accepted => Received.Where(d => d.Accepted);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, url + "/hooks");
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var fail = receiver.TakeFailure();
            receiver.Received.Enqueue(new ReceivedDelivery(
                http.Request.Headers[WebhookSignature.SignatureHeader].ToString(),
                http.Request.Headers[WebhookSignature.IdempotencyHeader].ToString(),
                http.Request.Headers[WebhookSignature.EventHeader].ToString(),
                int.TryParse(http.Request.Headers[WebhookSignature.AttemptHeader], out var attempt) ? attempt : 0,
                body,
                !fail));
            return fail ? Results.StatusCode(500) : Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits (polling) until <paramref name="condition"/> holds, failing after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<WebhookReceiver, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The webhook receiver did not see what was expected; it received {Received.Count} request(s).");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private bool TakeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failuresLeft);
            if (left == 0)
            {
                return false;
            }

            if (left < 0 || Interlocked.CompareExchange(ref _failuresLeft, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}

/// <summary>One request the receiver got.</summary>
public sealed record ReceivedDelivery(string Signature, string IdempotencyKey, string EventType, int Attempt, string Body, bool Accepted);
