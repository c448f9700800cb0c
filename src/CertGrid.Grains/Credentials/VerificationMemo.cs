using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// What a silo has learnt about a VC-JWT that can never change: its parse, its schema problems, whether its
/// signature verified, and the issuer's record of whom and what it is about. Repeated verification of the same
/// token then costs no parsing and no cryptography; status, dates and key trust are still checked every time.
/// </summary>
public sealed class VerificationMemo : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static string KeyOf(string compact) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compact)));

    public TokenFacts GetOrAdd(string compact, Func<string, TokenFacts> analyse)
    {
        var key = KeyOf(compact);
        if (_cache.TryGetValue(key, out TokenFacts? facts) && facts is not null)
        {
            return facts;
        }

        facts = analyse(compact);
        _cache.Set(key, facts, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return facts;
    }

    public void Dispose() => _cache.Dispose();
}
