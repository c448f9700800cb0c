using System.Globalization;
using CertGrid.Api.Redis;
using StackExchange.Redis;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Cost budgets in Redis, so every gateway replica draws on the same bucket: one atomic script per request refills
/// the bucket for the time elapsed, takes the points if they are there, and lets an idle bucket expire once it would
/// be full again. If Redis does not answer, the request is allowed and the failure logged (as for the request limit).
/// </summary>
public sealed class RedisCostBudget(RedisConnection redis, TimeProvider clock, ILogger<RedisCostBudget> logger) : ICostBudget
{
    private const string Script = """
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local now = tonumber(ARGV[3])
        local cost = tonumber(ARGV[4])
        local state = redis.call('HMGET', KEYS[1], 'available', 'at')
        local available = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        available = math.min(capacity, available + math.max(0, now - at) * rate / 1000)
        local allowed = 0
        if cost <= available then
          available = available - cost
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - available) * 1000 / rate) + 1000)
        return { allowed, tostring(available) }
        """;

    public async ValueTask<BudgetDecision> SpendAsync(string partition, BudgetLimits limits, long points)
    {
        try
        {
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(Script, [(RedisKey)$"certgrid:budget:{partition}"],
            [
                limits.Capacity, limits.RestorePerSecond, clock.GetUtcNow().ToUnixTimeMilliseconds(), points,
            ]))!;
            var available = double.Parse((string)result[1]!, CultureInfo.InvariantCulture);
            return new BudgetDecision((int)result[0] == 1, points, available, limits);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Charging a cost budget through Redis failed; allowing the request");
            return new BudgetDecision(true, points, limits.Capacity, limits);
        }
    }
}
