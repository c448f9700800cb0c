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
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    public async ValueTask<RateLimitDecision> AcquireAsync(string partition, int permitsPerWindow)
    {
        var window = options.Value.Window;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowMs = (long)window.TotalMilliseconds;
        var windowStart = now - (now % windowMs);
        try
        {
            var count = (long)await redis.Database.ScriptEvaluateAsync(Script,
                [(RedisKey)$"certgrid:ratelimit:{partition}:{windowMs}:{windowStart}"], [windowMs + 1000]);
            var allowed = count <= permitsPerWindow;
            return new RateLimitDecision(allowed, permitsPerWindow, allowed ? TimeSpan.Zero : TimeSpan.FromMilliseconds(windowStart + windowMs - now));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate limiting through Redis failed; allowing the request");
            return new RateLimitDecision(true, permitsPerWindow, TimeSpan.Zero);
        }
    }
}
