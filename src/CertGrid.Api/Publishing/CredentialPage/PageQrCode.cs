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

    public static string Svg(string url) => Drawn.TryGetValue(url, out string? svg) && svg is not null ? svg : DrawAndKeep(url);

    /// <summary>A QR code of any text (a wallet's credential offer, say) as SVG, drawn afresh and not kept.</summary>
    public static string Draw(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..].Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
    }

    private static string DrawAndKeep(string url)
    {
        var svg = Draw(url);
        Drawn.Set(url, svg, new MemoryCacheEntryOptions { Size = svg.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return svg;
    }
}
