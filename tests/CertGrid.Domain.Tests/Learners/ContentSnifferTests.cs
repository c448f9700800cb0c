using System.Text;
using CertGrid.Domain.Learners;

namespace CertGrid.Domain.Tests.Learners;

public class ContentSnifferTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj"u8];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00];
    private static readonly byte[] Mp4 = [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32, 0x00, 0x00];
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00];

    private static readonly Dictionary<string, byte[]> Samples = new()
    {
        ["pdf"] = Pdf,
        ["png"] = Png,
        ["jpeg"] = Jpeg,
        ["zip"] = Zip,
        ["empty-zip"] = EmptyZip,
        ["mp4"] = Mp4,
        ["exe"] = Executable,
        ["elf"] = Elf,
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("application/pdf", "pdf")]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpeg")]
    [InlineData("application/zip", "zip")]
    [InlineData("application/zip", "empty-zip")]
    [InlineData("video/mp4", "mp4")]
    [InlineData("Application/PDF", "pdf")]
    [InlineData("IMAGE/PNG", "png")]
    public void LooksLike_accepts_a_matching_signature(string contentType, string sample)
    {
        Assert.True(ContentSniffer.LooksLike(contentType, Samples[sample]));
    }

    [Theory]
    [InlineData("application/pdf", "png")]
    [InlineData("application/pdf", "exe")]
    [InlineData("image/png", "jpeg")]
    [InlineData("image/png", "pdf")]
    [InlineData("image/jpeg", "png")]
    [InlineData("image/jpeg", "exe")]
    [InlineData("application/zip", "pdf")]
    [InlineData("application/zip", "elf")]
    [InlineData("video/mp4", "zip")]
    [InlineData("video/mp4", "exe")]
    [InlineData("text/plain", "png")]
    [InlineData("text/plain", "exe")]
    [InlineData("application/json", "zip")]
    [InlineData("application/x-msdownload", "exe")]
    [InlineData("application/octet-stream", "pdf")]
    public void LooksLike_rejects_a_mismatched_signature(string contentType, string sample)
    {
        Assert.False(ContentSniffer.LooksLike(contentType, Samples[sample]));
    }

    [Fact]
    public void LooksLike_rejects_every_declared_binary_type_for_every_other_sample()
    {
        var signatures = new Dictionary<string, string[]>
        {
            ["application/pdf"] = ["pdf"],
            ["image/png"] = ["png"],
            ["image/jpeg"] = ["jpeg"],
            ["application/zip"] = ["zip", "empty-zip"],
            ["video/mp4"] = ["mp4"],
        };

        foreach (var (contentType, own) in signatures)
        {
            foreach (var (name, bytes) in Samples)
            {
                Assert.True(own.Contains(name) == ContentSniffer.LooksLike(contentType, bytes), $"{contentType} vs {name}");
            }
        }
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("application/zip")]
    [InlineData("video/mp4")]
    [InlineData("application/json")]
    public void LooksLike_rejects_an_empty_head_for_types_with_a_signature(string contentType)
    {
        Assert.False(ContentSniffer.LooksLike(contentType, []));
    }

    [Fact]
    public void LooksLike_rejects_truncated_signatures()
    {
        Assert.False(ContentSniffer.LooksLike("application/pdf", "%PDF"u8));
        Assert.False(ContentSniffer.LooksLike("image/png", Png.AsSpan(0, 7)));
        Assert.False(ContentSniffer.LooksLike("image/jpeg", Jpeg.AsSpan(0, 2)));
        Assert.False(ContentSniffer.LooksLike("video/mp4", Mp4.AsSpan(0, 7)));
    }

    [Fact]
    public void LooksLike_needs_ftyp_at_offset_four_for_mp4()
    {
        Assert.True(ContentSniffer.LooksLike("video/mp4", Mp4.AsSpan(0, 8)));
        Assert.False(ContentSniffer.LooksLike("video/mp4", "ftypmp42isom"u8));
        Assert.False(ContentSniffer.LooksLike("video/mp4", "\0\0\0\0\0ftypmp42"u8));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/markdown")]
    [InlineData("TEXT/Markdown")]
    public void LooksLike_accepts_utf8_text(string contentType)
    {
        Assert.True(ContentSniffer.LooksLike(contentType, Utf8("# Portfolio\n\nNaïve café — 日本語 🎓\r\n\t- item")));
        Assert.True(ContentSniffer.LooksLike(contentType, Utf8("plain ascii")));
        Assert.True(ContentSniffer.LooksLike(contentType, [0xEF, 0xBB, 0xBF, .. Utf8("with a byte order mark")]));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/markdown")]
    [InlineData("application/json")]
    public void LooksLike_rejects_text_with_a_nul_byte(string contentType)
    {
        Assert.False(ContentSniffer.LooksLike(contentType, [.. Utf8("{\"a\": 1"), 0x00, .. Utf8("}")]));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0x28, 0x62 })] // a lead byte followed by a non-continuation
    [InlineData(new byte[] { 0x61, 0x80, 0x62 })] // a stray continuation byte
    [InlineData(new byte[] { 0x61, 0xC0, 0xAF })] // an overlong encoding of '/'
    [InlineData(new byte[] { 0x61, 0xED, 0xA0, 0x80 })] // an encoded UTF-16 surrogate
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 })] // a byte that never occurs in UTF-8
    [InlineData(new byte[] { 0xE6, 0x97, 0x41, 0x42 })] // a multi-byte character cut short in the middle
    [InlineData(new byte[] { 0x61, 0x62, 0xFF })] // an invalid byte as the very last byte
    [InlineData(new byte[] { 0xC8, 0x65, 0x6C, 0x6C, 0x6F })] // Latin-1 "Èllo"
    public void LooksLike_rejects_invalid_utf8_text(byte[] head)
    {
        Assert.False(ContentSniffer.LooksLike("text/plain", head));
        Assert.False(ContentSniffer.LooksLike("text/markdown", head));
    }

    [Fact]
    public void LooksLike_accepts_a_head_that_ends_inside_a_multi_byte_character()
    {
        var bytes = Utf8("Naïve café — 日本語 🎓 done");

        for (var length = 0; length <= bytes.Length; length++)
        {
            Assert.True(ContentSniffer.LooksLike("text/plain", bytes.AsSpan(0, length)), $"cut at {length} bytes");
            Assert.True(ContentSniffer.LooksLike("application/json", [.. "{\"k\":\""u8, .. bytes.AsSpan(0, length)]), $"json cut at {length} bytes");
        }
    }

    [Fact]
    public void LooksLike_accepts_a_full_head_of_random_text_cut_anywhere()
    {
        var faker = new Faker("ja") { Random = new Randomizer(512) };
        var accented = new Faker("fr") { Random = new Randomizer(513) };
        for (var run = 0; run < 200; run++)
        {
            var text = string.Join(" ", faker.Name.FullName(), accented.Lorem.Paragraphs(3), faker.Address.FullAddress(), "🎓✓");
            var bytes = Utf8(text);
            var cut = Math.Min(bytes.Length, faker.Random.Int(1, ContentSniffer.HeadLength));

            Assert.True(ContentSniffer.LooksLike("text/markdown", bytes.AsSpan(0, cut)), $"run {run}: cut at {cut}");
        }
    }

    [Theory]
    [InlineData("{\"name\": \"Ada\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("  \r\n\t{\"indented\": true}")]
    [InlineData("\n\n[")]
    [InlineData("{\"name\": \"日本")]
    public void LooksLike_accepts_json_that_opens_an_object_or_array(string text)
    {
        Assert.True(ContentSniffer.LooksLike("application/json", Utf8(text)));
    }

    [Fact]
    public void LooksLike_accepts_json_after_a_byte_order_mark()
    {
        Assert.True(ContentSniffer.LooksLike("application/json", [0xEF, 0xBB, 0xBF, .. "{}"u8]));
        Assert.True(ContentSniffer.LooksLike("application/json", [0xEF, 0xBB, 0xBF, .. "\r\n  [1]"u8]));
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("<html>{}</html>")]
    [InlineData("\u000b{}")] // vertical tab is not JSON whitespace
    public void LooksLike_rejects_json_that_does_not_open_an_object_or_array(string text)
    {
        Assert.False(ContentSniffer.LooksLike("application/json", Utf8(text)));
    }

    [Fact]
    public void LooksLike_rejects_json_that_is_not_utf8()
    {
        Assert.False(ContentSniffer.LooksLike("application/json", [.. "{\"name\": \""u8, 0xC8, .. "llo\"}"u8]));
        Assert.False(ContentSniffer.LooksLike("application/json", Encoding.Unicode.GetBytes("{\"a\":1}")));
    }
}
