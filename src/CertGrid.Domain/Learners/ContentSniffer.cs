using System.Text;

namespace CertGrid.Domain.Learners;

/// <summary>
/// Checks that a file's first bytes look like its declared content type, so an executable cannot be
/// committed as a PDF. Types without a signature (plain text, Markdown, JSON) must at least be UTF-8 text.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="LooksLike"/> needs.</summary>
    public const int HeadLength = 512;

    public static bool LooksLike(string contentType, ReadOnlySpan<byte> head) => contentType.ToLowerInvariant() switch
    {
        "application/pdf" => head.StartsWith("%PDF-"u8),
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "application/zip" => head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8),
        "video/mp4" => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8),
        "application/json" => IsText(head) && FirstNonWhitespace(head) is (byte)'{' or (byte)'[',
        "text/plain" or "text/markdown" => IsText(head),
        _ => false,
    };

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        // The head may cut a multi-byte character in two: ignore an incomplete sequence at the very end.
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            var chars = new char[head.Length];
            decoder.Convert(head, chars, flush: false, out _, out _, out _);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static byte FirstNonWhitespace(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in head[start..])
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }
}
