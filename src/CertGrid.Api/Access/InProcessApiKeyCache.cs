using Microsoft.Extensions.Caching.Memory;

namespace CertGrid.Api.Access;

/// <summary>
/// The fallback key cache for a single gateway without Redis. Entries live briefly, because a revocation on
/// one replica cannot reach another replica's memory.
/// </summary>
public sealed class InProcessApiKeyCache : IApiKeyCache, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public Task<CachedApiKey?> GetAsync(string community, string keyId) =>
        Task.FromResult(_cache.TryGetValue(Key(community, keyId), out CachedApiKey? key) ? key : null);

    public Task SetAsync(string community, string keyId, CachedApiKey key)
    {
        _cache.Set(Key(community, keyId), key, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string community, string keyId)
    {
        _cache.Remove(Key(community, keyId));
        return Task.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    private static string Key(string community, string keyId) => $"{community}/{keyId}";
}
