using System.Globalization;
using System.Security;
using System.Text;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Credentials.Badges;

/// <summary>
/// An achievement's badge as SVG, and Open Badges 3.0 baking: the credential's VC-JWT in the <c>verify</c>
/// attribute of an <c>openbadges:credential</c> element, so the image itself carries a verifiable credential.
/// </summary>
public static class BadgeSvg
{
    public const string Namespace = "https://purl.imsglobal.org/ob/v3p0";
    private const int CharactersPerLine = 18;

    public static string Render(string achievementName, CredentialTier tier, string issuerName)
    {
        var points = string.Join(' ', BadgeDesign.Shield.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}")));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{BadgeDesign.Width}\" height=\"{BadgeDesign.Height}\" viewBox=\"0 0 {BadgeDesign.Width} {BadgeDesign.Height}\" role=\"img\" aria-label=\"{Escape(achievementName)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(achievementName)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{points}\" fill=\"{BadgeDesign.Hex(tier)}\" stroke=\"#ffffff\" stroke-width=\"4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"100\" y=\"52\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#ffffff\" text-anchor=\"middle\" letter-spacing=\"1\">{Escape(BadgeDesign.Label(tier))}</text>");
        var lines = Wrap(achievementName);
        var top = 104 - (lines.Count - 1) * 10;
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"100\" y=\"{top + i * 20}\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"#ffffff\" text-anchor=\"middle\">{Escape(lines[i])}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"100\" y=\"170\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#ffffff\" text-anchor=\"middle\">{Escape(Truncate(issuerName, 28))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Bakes a VC-JWT into an SVG produced by <see cref="Render"/>.</summary>
    public static string Bake(string svg, string jwt)
    {
        var rootEnd = svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal));
        var root = svg[..rootEnd];
        if (!root.Contains("xmlns:openbadges", StringComparison.Ordinal))
        {
            root += $" xmlns:openbadges=\"{Namespace}\"";
        }

        return $"{root}><openbadges:credential verify=\"{Escape(jwt)}\"></openbadges:credential>{svg[(rootEnd + 1)..]}";
    }

    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > CharactersPerLine)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines.Count <= 3 ? lines : [lines[0], lines[1], Truncate(string.Join(' ', lines.Skip(2)), CharactersPerLine)];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
