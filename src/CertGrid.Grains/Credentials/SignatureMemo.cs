using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace CertGrid.Grains.Credentials;

/// <summary>
/// Remembers, per silo, which VC-JWTs had their signature checked and how it came out, so repeated
/// verification of the same credential costs no cryptography. Only the signature is remembered: status,
/// dates and issuer are evaluated fresh every time.
/// </summary>
public sealed class SignatureMemo : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public static string KeyOf(string compact) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compact)));

    public bool TryGet(string key, out SignatureOutcome outcome) => _cache.TryGetValue(key, out outcome!);

    public void Remember(string key, SignatureOutcome outcome) =>
        _cache.Set(key, outcome, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();
}

/// <summary>Whether a signature verified against the issuer's published keys, and why not.</summary>
public sealed record SignatureOutcome(bool Valid, string Detail);
