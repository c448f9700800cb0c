using System.Buffers.Text;
using System.IO.Compression;

namespace CertGrid.Domain.Credentials.StatusLists;

/// <summary>
/// A W3C Bitstring Status List bitstring: at least 131,072 bits, bit <c>i</c> is bit <c>7 - i % 8</c> of byte
/// <c>i / 8</c> (the left-most bit of the first byte is index 0), published as the multibase (<c>u</c>)
/// base64url encoding, without padding, of its GZIP compression.
/// </summary>
public sealed class Bitstring
{
    /// <summary>The smallest list the specification allows (16 KiB), which also gives holders herd privacy.</summary>
    public const int MinimumLength = 131_072;

    private readonly byte[] _bytes;

    public Bitstring(int length = MinimumLength)
        : this(new byte[RequireLength(length) / 8])
    {
    }

    private Bitstring(byte[] bytes) => _bytes = bytes;

    public int Length => _bytes.Length * 8;

    /// <summary>The raw bytes (to persist); the list is rebuilt with <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    public static Bitstring FromBytes(byte[] bytes) => new((byte[])bytes.Clone());

    public bool Get(int index)
    {
        CheckIndex(index);
        return (_bytes[index / 8] & (1 << (7 - (index % 8)))) != 0;
    }

    public void Set(int index, bool value)
    {
        CheckIndex(index);
        var mask = (byte)(1 << (7 - (index % 8)));
        _bytes[index / 8] = value ? (byte)(_bytes[index / 8] | mask) : (byte)(_bytes[index / 8] & ~mask);
    }

    /// <summary>
    /// The value of entry <paramref name="index"/> of a list whose entries are <paramref name="bitsPerEntry"/> bits
    /// wide: bits <c>index × size</c> onwards, the first of them the most significant.
    /// </summary>
    public int GetEntry(int index, int bitsPerEntry)
    {
        var value = 0;
        for (var bit = 0; bit < bitsPerEntry; bit++)
        {
            value = (value << 1) | (Get(checked((index * bitsPerEntry) + bit)) ? 1 : 0);
        }

        return value;
    }

    /// <summary>Writes entry <paramref name="index"/>'s value (see <see cref="GetEntry"/>).</summary>
    public void SetEntry(int index, int bitsPerEntry, int value)
    {
        if (value < 0 || value >= 1 << bitsPerEntry)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"A {bitsPerEntry}-bit entry holds 0 to {(1 << bitsPerEntry) - 1}.");
        }

        for (var bit = 0; bit < bitsPerEntry; bit++)
        {
            Set(checked((index * bitsPerEntry) + bit), ((value >> (bitsPerEntry - 1 - bit)) & 1) == 1);
        }
    }

    /// <summary>The <c>encodedList</c> value: <c>u</c> + base64url(GZIP(bits)).</summary>
    public string Encode()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_bytes);
        }

        return "u" + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>Reads an <c>encodedList</c>; throws <see cref="FormatException"/> for anything that is not one.</summary>
    public static Bitstring Decode(string encodedList)
    {
        if (string.IsNullOrEmpty(encodedList) || encodedList[0] != 'u')
        {
            throw new FormatException("An encodedList must start with the multibase prefix 'u' (base64url).");
        }

        using var input = new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1)));
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        var bytes = output.ToArray();
        if (bytes.Length * 8 < MinimumLength)
        {
            throw new FormatException($"A status list must have at least {MinimumLength} entries.");
        }

        return new Bitstring(bytes);
    }

    private static int RequireLength(int length) =>
        length >= MinimumLength && length % 8 == 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), $"At least {MinimumLength} bits, in whole bytes.");

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside a list of {Length} entries.");
        }
    }
}
