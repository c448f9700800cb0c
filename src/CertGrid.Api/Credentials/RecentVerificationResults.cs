using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Credentials;
using Microsoft.Extensions.Caching.Memory;

namespace CertGrid.Api.Credentials;

/// <summary>
/// The verification results a gateway computed lately, at most <c>capacity</c> of them, keyed by the SHA-256 of the
/// credential as given (32 bytes instead of a 5–10 KB token; nobody can craft a credential that lands on another's
/// entry). When full, the least recently read tenth is evicted (<see cref="MemoryCache"/> compaction: entries past
/// their reuse instant first, then the oldest last read), never the whole cache. Whether an entry may still be used
/// is decided by the caller's epoch and clock: <see cref="TryGet"/> returns it only for the epoch it was computed in
/// and before its <see cref="RecentVerificationResult.RecheckAt"/>.
/// </summary>
public sealed class RecentVerificationResults(int capacity) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });

    /// <summary>Entries held now (for tests and diagnostics).</summary>
    public long Count => _entries.Count;

    public static string KeyOf(string credential) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(credential)));

    public bool TryGet(string key, long currentEpoch, DateTimeOffset now, out RecentVerificationResult entry)
    {
        if (_entries.TryGetValue(key, out RecentVerificationResult? found) && found!.Epoch == currentEpoch && now < found.RecheckAt)
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>Keeps a result; when the cache is full it is not kept this time and the oldest tenth is evicted meanwhile.</summary>
    public void Remember(string key, RecentVerificationResult entry) =>
        _entries.Set(key, entry, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _entries.Dispose();
}

/// <summary>A verdict, the verification epoch it was computed in, and the instant it must be checked again.</summary>
public sealed record RecentVerificationResult(VerificationResult Result, long Epoch, DateTimeOffset RecheckAt);
