using System.Text.Json;
using CertGrid.Api.Redis;
using StackExchange.Redis;

namespace CertGrid.Api.Access;

/// <summary>
/// The key cache in Redis, shared by every gateway replica: a revocation on one replica is seen by all.
/// Redis trouble never blocks a request: the lookup falls through to the key's grain.
/// </summary>
public sealed class RedisApiKeyCache(RedisConnection redis, ILogger<RedisApiKeyCache> logger) : IApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<CachedApiKey?> GetAsync(string community, string keyId)
    {
        try
        {
            var value = await redis.Database.StringGetAsync(Key(community, keyId));
            return value.HasValue ? JsonSerializer.Deserialize<CachedApiKey>(value.ToString()) : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException)
        {
            logger.LogWarning(ex, "Reading the API key cache from Redis failed; asking the cluster instead");
            return null;
        }
    }

    public async Task SetAsync(string community, string keyId, CachedApiKey key)
    {
        try
        {
            await redis.Database.StringSetAsync(Key(community, keyId), JsonSerializer.Serialize(key), Lifetime);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Writing the API key cache to Redis failed");
        }
    }

    public Task RemoveAsync(string community, string keyId) =>
        // A revocation must reach every replica: this one is not swallowed.
        redis.Database.KeyDeleteAsync(Key(community, keyId));

    private static RedisKey Key(string community, string keyId) => $"certgrid:apikey:{community}/{keyId}";
}
