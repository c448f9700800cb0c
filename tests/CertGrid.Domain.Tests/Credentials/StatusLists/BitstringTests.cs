using System.Buffers.Text;
using System.IO.Compression;
using CertGrid.Domain.Credentials.StatusLists;

namespace CertGrid.Domain.Tests.Credentials.StatusLists;

public sealed class BitstringTests
{
    [Fact]
    public void A_new_list_has_the_minimum_131072_entries_all_clear()
    {
        var bits = new Bitstring();
        Assert.Equal(131_072, bits.Length);
        Assert.False(bits.Get(0));
        Assert.False(bits.Get(131_071));
    }

    [Fact]
    public void Index_zero_is_the_left_most_bit_of_the_first_byte()
    {
        var bits = new Bitstring();
        bits.Set(0, true);
        bits.Set(9, true);
        var bytes = bits.ToBytes();
        Assert.Equal(0b1000_0000, bytes[0]);
        Assert.Equal(0b0100_0000, bytes[1]);
    }

    [Fact]
    public void The_encoded_list_is_multibase_base64url_of_gzip_and_decodes_back()
    {
        var bits = new Bitstring();
        int[] set = [3, 4_242, 131_071];
        foreach (var index in set)
        {
            bits.Set(index, true);
        }

        var encoded = bits.Encode();
        Assert.StartsWith("u", encoded);
        Assert.DoesNotContain('=', encoded);
        Assert.DoesNotContain('+', encoded);

        // Decode independently: base64url → GZIP → bytes.
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        Assert.Equal(bits.ToBytes(), raw.ToArray());

        var decoded = Bitstring.Decode(encoded);
        Assert.All(set, index => Assert.True(decoded.Get(index)));
        Assert.False(decoded.Get(5));
    }

    [Theory]
    [InlineData("zabc")]
    [InlineData("")]
    [InlineData("u!!!")]
    public void Decoding_refuses_what_is_not_an_encoded_list(string encoded) =>
        Assert.ThrowsAny<Exception>(() => Bitstring.Decode(encoded));

    [Fact]
    public void Decoding_refuses_a_list_shorter_than_the_minimum()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[100]);
        }

        Assert.Throws<FormatException>(() => Bitstring.Decode("u" + Base64Url.EncodeToString(compressed.ToArray())));
    }
}
