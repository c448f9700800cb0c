using System.Buffers;
using System.Text;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// A GraphQL request as it arrived, before it is parsed: a POST body in a pooled buffer, or a GET query string.
/// Dispose it to return the buffer.
/// </summary>
public sealed class RawGraphQlRequest : IDisposable
{
    private readonly int _length;
    private readonly bool _pooled;
    private byte[]? _buffer;

    private RawGraphQlRequest(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    /// <summary>The request exactly as sent: the body's bytes, or the query string's UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer.AsMemory(0, _length);

    public static RawGraphQlRequest FromQueryString(string queryString)
    {
        var bytes = Encoding.UTF8.GetBytes(queryString);
        return new RawGraphQlRequest(bytes, bytes.Length, pooled: false);
    }

    /// <summary>Reads a body of at most <paramref name="maxBytes"/>; null when it is longer.</summary>
    public static async Task<RawGraphQlRequest?> ReadBodyAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(declaredLength ?? 0, 4096, maxBytes + 1L));
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new RawGraphQlRequest(buffer, length, pooled: true);
    }

    public void Dispose()
    {
        if (_pooled && _buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
