using CertGrid.Api.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// A fixed-window limiter in Redis, so every gateway replica counts against the same budget. One atomic
/// script per request (INCR, and PEXPIRE on the first hit). If Redis does not answer, the request is allowed
/// and the failure logged: a cache outage must not take the API down.
/// </summary>
public sealed class RedisRateLimiter(RedisConnection redis, IOptions<RateLimitOptions> options, TimeProvider clock, ILogger<RedisRateLimiter> logger)
    : IRequestRateLimiter
{
    /// <summary>Counts the request in KEYS[1] (expiring after ARGV[1] ms); the fragment <see cref="RedisCostBudget"/> also runs before spending.</summary>
    internal const string CountFragment = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        """;

    private const string Script = CountFragment + "\nreturn count";

    public async ValueTask<RateLimitDecision> AcquireAsync(string partition, int permitsPerWindow)
    {
        var window = CurrentWindow(partition, options.Value.Window, clock);
        try
        {
            var count = (long)await redis.Database.ScriptEvaluateAsync(Script, [window.Key], [window.ExpiryMilliseconds]);
            return window.Decide(count, permitsPerWindow);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate limiting through Redis failed; allowing the request");
            return new RateLimitDecision(true, permitsPerWindow, TimeSpan.Zero);
        }
    }

    /// <summary>The partition's counter for the window that holds now.</summary>
    internal static RequestWindow CurrentWindow(string partition, TimeSpan window, TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var windowStart = now - (now % windowMs);
        return new RequestWindow($"certgrid:ratelimit:{HashTag(partition)}:{windowMs}:{windowStart}", windowMs + 1000, TimeSpan.FromMilliseconds(windowStart + windowMs - now));
    }

    /// <summary>
    /// The partition as a Redis Cluster hash tag, so its request counter and its cost budget (<see cref="RedisCostBudget"/>)
    /// live in one slot and one script may touch both.
    /// </summary>
    internal static string HashTag(string partition) => "{" + partition + "}";

    internal readonly record struct RequestWindow(RedisKey Key, long ExpiryMilliseconds, TimeSpan UntilEnd)
    {
        public RateLimitDecision Decide(long count, int permitsPerWindow) =>
            count <= permitsPerWindow ? new RateLimitDecision(true, permitsPerWindow, TimeSpan.Zero) : new RateLimitDecision(false, permitsPerWindow, UntilEnd);
    }
}
