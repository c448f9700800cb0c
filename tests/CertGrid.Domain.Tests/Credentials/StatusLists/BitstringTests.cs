using System.Buffers.Text;
using System.IO.Compression;
using CertGrid.Domain.Credentials;
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

    [Fact]
    public void A_two_bit_entry_takes_bits_index_times_two_onwards_most_significant_first()
    {
        var bits = new Bitstring(2 * Bitstring.MinimumLength);
        bits.SetEntry(3, 2, CredentialStatusCode.Suspended);
        bits.SetEntry(4, 2, CredentialStatusCode.Revoked);

        // Entry 3 is bits 6 and 7 of byte 0; entry 4 is bits 8 and 9 (the first two of byte 1).
        Assert.Equal(0b0000_0010, bits.ToBytes()[0]);
        Assert.Equal(0b0100_0000, bits.ToBytes()[1]);
        Assert.Equal(CredentialStatusCode.Suspended, bits.GetEntry(3, 2));
        Assert.Equal(CredentialStatusCode.Revoked, bits.GetEntry(4, 2));
        Assert.Equal(CredentialStatusCode.Valid, bits.GetEntry(5, 2));

        bits.SetEntry(3, 2, CredentialStatusCode.Valid);
        Assert.Equal(0, bits.ToBytes()[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => bits.SetEntry(0, 2, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => bits.GetEntry(Bitstring.MinimumLength, 2));
    }

    [Theory]
    [InlineData(CredentialStatus.Active, false, false)]
    [InlineData(CredentialStatus.Revoked, true, false)]
    [InlineData(CredentialStatus.Suspended, false, true)]
    public void A_credential_status_reads_back_from_its_code(CredentialStatus status, bool revoked, bool suspended)
    {
        var code = CredentialStatusCode.Of(status);
        Assert.Equal(revoked, CredentialStatusCode.IsRevoked(code));
        Assert.Equal(suspended, CredentialStatusCode.IsSuspended(code));
        Assert.Equal(revoked ? "revoked" : suspended ? "suspended" : "valid", CredentialStatusCode.Messages[code].Message);
        Assert.Equal(4, CredentialStatusCode.Messages.Count);
    }
}
