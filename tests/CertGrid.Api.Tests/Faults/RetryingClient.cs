using System.Collections.Concurrent;
using System.Diagnostics;
using CertGrid.Api.Tests.Retries;

namespace CertGrid.Api.Tests.Faults;

/// <summary>What one request answered: when it was answered (since the run started), how long it took, which operation, and OK or its error code.</summary>
public sealed record RequestOutcome(TimeSpan At, TimeSpan Took, string Operation, string Code);

/// <summary>
/// A client as docs/api/graphql.md asks clients to behave: every mutation carries an <c>Idempotency-Key</c>; when its
/// answer is UNAVAILABLE, TIMEOUT, RATE_LIMITED, a key still in use or no answer at all, it sends the same body under
/// the same key again after <c>Retry-After</c>, until it gets an answer. <c>IDEMPOTENCY_OUTCOME_UNKNOWN</c> goes back to the caller,
/// who checks the state and sends it again under a new key. Every answer, first or retried, is kept.
/// </summary>
public sealed class RetryingClient(HttpClient http, Stopwatch clock)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    public ConcurrentQueue<RequestOutcome> Outcomes { get; } = new();

    public HttpClient Http => http;

    /// <summary>Codes after which a well-behaved client sends the same request again.</summary>
    public static bool WorthRetrying(string code) =>
        code is "UNAVAILABLE" or "TIMEOUT" or "RATE_LIMITED" or "IDEMPOTENCY_KEY_IN_USE" || code.StartsWith(NoAnswer, StringComparison.Ordinal);

    public const string NoAnswer = "NO ANSWER";

    /// <summary>Sends a mutation until it is answered; the answer (data or a final error) and the key it went under.</summary>
    /// <param name="newKeyWhenOutcomeUnknown">The mutation is harmless to apply twice (a second upload ticket, a second key): send it again under a new key.</param>
    public async Task<IdempotentAnswer?> MutateAsync(string operation, string apiKey, string query, object variables, bool newKeyWhenOutcomeUnknown = false)
    {
        var key = IdempotentPost.NewKey();
        var deadline = clock.Elapsed + GiveUpAfter;
        while (true)
        {
            var sent = clock.Elapsed;
            var (code, answer) = await SendAsync(key, apiKey, query, variables);
            Outcomes.Enqueue(new RequestOutcome(clock.Elapsed, clock.Elapsed - sent, operation, code));
            if (code == "IDEMPOTENCY_OUTCOME_UNKNOWN" && newKeyWhenOutcomeUnknown)
            {
                key = IdempotentPost.NewKey();
            }
            else if (!WorthRetrying(code) || clock.Elapsed > deadline)
            {
                return answer;
            }

            var wait = answer?.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait < LongestWait ? wait : LongestWait);
        }
    }

    /// <summary>A query, sent once (queries change nothing; the caller decides whether to ask again).</summary>
    public async Task<(string Code, JsonElement Body)> QueryAsync(string operation, string? apiKey, string query, object? variables = null)
    {
        string code;
        JsonElement body = default;
        var sent = clock.Elapsed;
        try
        {
            (var status, body) = await new GraphQlClient(http).SendAsync(query, variables, apiKey);
            code = body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() ?? $"HTTP {status}" : status == 200 ? "OK" : $"HTTP {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            code = $"{NoAnswer}: {ex.GetType().Name}";
        }

        Outcomes.Enqueue(new RequestOutcome(clock.Elapsed, clock.Elapsed - sent, operation, code));
        return (code, body);
    }

    private async Task<(string Code, IdempotentAnswer? Answer)> SendAsync(string key, string apiKey, string query, object variables)
    {
        try
        {
            var answer = await IdempotentPost.SendAsync(http, key, apiKey, query, variables);
            return (answer.Code ?? (answer.Status == 200 ? "OK" : $"HTTP {answer.Status}"), answer);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ($"{NoAnswer}: {ex.GetType().Name}", null);
        }
        catch (JsonException)
        {
            return ("NOT JSON", null);
        }
    }
}
