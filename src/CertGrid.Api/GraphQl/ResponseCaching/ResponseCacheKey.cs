using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CertGrid.Api.GraphQl.ResponseCaching;

/// <summary>
/// A request as the response cache tells requests apart: SHA-256 over the method, the negotiated media type, the
/// <c>Accept-Language</c> header and the request exactly as sent (the POST body or the GET query string). A
/// cryptographic hash, so nobody can craft a request that collides with another and poison its entry.
/// </summary>
public readonly record struct ResponseCacheKey(UInt128 High, UInt128 Low)
{
    public static ResponseCacheKey For(string method, string mediaType, string acceptLanguage, ReadOnlySpan<byte> request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, method);
        Append(hash, mediaType);
        Append(hash, acceptLanguage);
        hash.AppendData(request);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return new ResponseCacheKey(BinaryPrimitives.ReadUInt128LittleEndian(digest), BinaryPrimitives.ReadUInt128LittleEndian(digest[16..]));
    }

    /// <summary>Each part is length-prefixed, so no two different combinations hash the same bytes.</summary>
    private static void Append(IncrementalHash hash, string part)
    {
        var needed = Encoding.UTF8.GetByteCount(part) + 4;
        Span<byte> bytes = needed <= 256 ? stackalloc byte[256] : new byte[needed];
        var length = Encoding.UTF8.GetBytes(part, bytes[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        hash.AppendData(bytes[..(length + 4)]);
    }
}
