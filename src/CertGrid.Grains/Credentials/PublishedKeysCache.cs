using CertGrid.Abstractions.Credentials;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// Each silo's short-lived copy of communities' published keys, so verification does not ask the issuer grain
/// every time. A rotation or a compromise reaches every verifier within <see cref="VerificationOptions.KeysCacheLifetime"/>.
/// </summary>
public sealed class PublishedKeysCache(IOptions<VerificationOptions> options) : IDisposable
{
    private readonly TimeSpan _lifetime = options.Value.KeysCacheLifetime;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async Task<IReadOnlyList<PublicSigningKey>> GetAsync(IGrainFactory grains, string community)
    {
        if (_cache.TryGetValue(community, out IReadOnlyList<PublicSigningKey>? keys) && keys is not null)
        {
            return keys;
        }

        keys = await grains.GetGrain<IIssuerGrain>(community).GetPublicKeysAsync();
        if (_lifetime > TimeSpan.Zero)
        {
            _cache.Set(community, keys, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
        }

        return keys;
    }

    public void Dispose() => _cache.Dispose();
}
