using System.Globalization;
using CertGrid.Api.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Cost budgets in Redis, so every gateway replica draws on the same bucket: one atomic script per request refills
/// the bucket for the time elapsed, takes the points if they are there, and lets an idle bucket expire once it would
/// be full again. A GraphQL request is counted against its request limit in the same script
/// (<see cref="CountAndSpendAsync"/>): one round trip per request, as bare endpoints make. If Redis does not answer,
/// the request is allowed and the failure logged (as for the request limit).
/// </summary>
public sealed class RedisCostBudget(RedisConnection redis, IOptions<RateLimitOptions> options, TimeProvider clock, ILogger<RedisCostBudget> logger)
    : ICostBudget, ICountingCostBudget
{
    /// <summary>Spends ARGV[n+3] points from KEYS[k] (capacity ARGV[n], restored ARGV[n+1] per second, now ARGV[n+2] ms); sets allowed and available.</summary>
    private const string SpendFragment = """
        local capacity = tonumber(ARGV[n])
        local rate = tonumber(ARGV[n + 1])
        local now = tonumber(ARGV[n + 2])
        local cost = tonumber(ARGV[n + 3])
        local state = redis.call('HMGET', KEYS[k], 'available', 'at')
        local available = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        available = math.min(capacity, available + math.max(0, now - at) * rate / 1000)
        local allowed = 0
        if cost <= available then
          available = available - cost
          allowed = 1
        end
        redis.call('HSET', KEYS[k], 'available', tostring(available), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[k], math.ceil((capacity - available) * 1000 / rate) + 1000)
        """;

    private const string Script = "local k, n = 1, 1\n" + SpendFragment + "\nreturn { allowed, tostring(available) }";

    /// <summary>KEYS[1] the request counter (ARGV[1] its expiry, ARGV[2] the permits), KEYS[2] the budget; nothing is spent over the limit.</summary>
    private const string CountingScript = RedisRateLimiter.CountFragment + "\n" + """
        if count > tonumber(ARGV[2]) then return { count, 0, '' } end
        local k, n = 2, 3
        """ + "\n" + SpendFragment + "\nreturn { count, allowed, tostring(available) }";

    public async ValueTask<BudgetDecision> SpendAsync(string partition, BudgetLimits limits, long points)
    {
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(Script, [BudgetKey(partition)], [.. SpendArguments(limits, points)]))!;
            return new BudgetDecision((int)result[0] == 1, points, double.Parse((string)result[1]!, CultureInfo.InvariantCulture), limits);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Charging a cost budget through Redis failed; allowing the request");
            return new BudgetDecision(true, points, limits.Capacity, limits);
        }
    }

    public async ValueTask<CountedSpend> CountAndSpendAsync(string partition, int permitsPerWindow, BudgetLimits limits, long points)
    {
        var window = RedisRateLimiter.CurrentWindow(partition, options.Value.Window, clock);
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(CountingScript, [window.Key, BudgetKey(partition)],
                [window.ExpiryMilliseconds, permitsPerWindow, .. SpendArguments(limits, points)]))!;
            var counted = window.Decide((long)result[0], permitsPerWindow);
            return counted.Allowed
                ? new CountedSpend(counted, new BudgetDecision((int)result[1] == 1, points, double.Parse((string)result[2]!, CultureInfo.InvariantCulture), limits))
                : new CountedSpend(counted, null);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Counting a request and charging its cost through Redis failed; allowing the request");
            return new CountedSpend(new RateLimitDecision(true, permitsPerWindow, TimeSpan.Zero), new BudgetDecision(true, points, limits.Capacity, limits));
        }
    }

    private static RedisKey BudgetKey(string partition) => $"certgrid:budget:{RedisRateLimiter.HashTag(partition)}";

    private RedisValue[] SpendArguments(BudgetLimits limits, long points) =>
        [limits.Capacity, limits.RestorePerSecond, clock.GetUtcNow().ToUnixTimeMilliseconds(), points];
}
