using System.IO.Hashing;
using System.Numerics;
using System.Security.Cryptography;

namespace CertGrid.Api.GraphQl.ResponseCaching;

/// <summary>
/// The response cache's doorkeeper: a request is looked up and kept only once it has been seen before. Most
/// verifications name a credential once (a partner checks each applicant's credential, then moves on); keeping their
/// answers would fill the cache with responses nobody asks for again, and hashing each request with SHA-256 for a
/// lookup that cannot succeed would cost more than the rest of the cache together. So the first sighting of a request
/// only leaves a 64-bit fingerprint (XxHash3, seeded per process) in a fixed table; the second finds it, and its answer
/// is kept under the SHA-256 key (<see cref="ResponseCacheKey"/>); the third and later are replayed.
/// A fingerprint decides admission only, never which answer is replayed: a collision (or a slot another request took
/// over since) costs a missed or an early admission, not a wrong answer.
/// </summary>
public sealed class RequestSightings
{
    private readonly ulong[] _fingerprints;
    private readonly int _mask;
    private readonly ulong _seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <param name="slots">How many requests are remembered (rounded up to a power of two): a request seen again after
    /// about this many others looks new, and is kept on its next sighting instead.</param>
    public RequestSightings(int slots)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(slots, 1024, 1 << 22));
        _fingerprints = new ulong[size];
        _mask = size - 1;
    }

    /// <summary>Remembers as many requests as the cache could keep answers of 1 KB (a verification answer is 1–3 KB).</summary>
    public static RequestSightings For(GraphQlOptions options) => new(options.ResponseCacheBytes / 1024);

    /// <summary>Whether this request (the same parts <see cref="ResponseCacheKey"/> hashes) was seen before; remembers it if not.</summary>
    public bool SeenBefore(string method, string mediaType, string acceptLanguage, ReadOnlySpan<byte> request)
    {
        var parts = (uint)HashCode.Combine(method, mediaType, acceptLanguage);
        var fingerprint = XxHash3.HashToUInt64(request, (long)(_seed ^ parts)) | 1; // 0 marks an empty slot
        ref var slot = ref _fingerprints[(int)(fingerprint >> 32) & _mask];
        if (Volatile.Read(ref slot) == fingerprint)
        {
            return true;
        }

        Volatile.Write(ref slot, fingerprint);
        return false;
    }
}
