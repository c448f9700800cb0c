using Microsoft.Extensions.Caching.Memory;
using QRCoder;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// The verification page's QR code of its own URL, as inline SVG. A URL's QR code never changes, and drawing it
/// was the costliest step of a page view, so each is drawn once and kept (bounded by size, least recently used
/// dropped first); the verdict next to it is still computed for every request.
/// </summary>
public static class PageQrCode
{
    /// <summary>About 40 MB of SVG text at most (an entry's size is its length in characters).</summary>
    private const long MaxCachedChars = 20_000_000;

    private static readonly MemoryCache Drawn = new(new MemoryCacheOptions { SizeLimit = MaxCachedChars });

    public static string Svg(string url) => Drawn.TryGetValue(url, out string? svg) && svg is not null ? svg : Draw(url);

    private static string Draw(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = svg[start..].Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
        Drawn.Set(url, svg, new MemoryCacheEntryOptions { Size = svg.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return svg;
    }
}
