using System.Globalization;
using System.Net;
using System.Text;

namespace CertGrid.Api.Analytics.Report;

/// <summary>Small server-rendered SVG charts: no script, no external resource, a text alternative on each.</summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const string Ink = "#1f2937";
    private const string Bar = "#1d4ed8";
    private const string Grid = "#6b7280";

    /// <summary>Vertical bars with their labels under them and their values on top.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string description)
    {
        const int height = 220;
        const int bottom = 190;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var step = (Width - 40) / (double)Math.Max(1, bars.Count);
        var svg = Open(height, description);
        for (var i = 0; i < bars.Count; i++)
        {
            var h = bars[i].Value / max * 160;
            var x = 30 + i * step;
            svg.Append(F($"<rect x=\"{x + 4:0.#}\" y=\"{bottom - h:0.#}\" width=\"{step - 8:0.#}\" height=\"{h:0.#}\" fill=\"{Bar}\"/>"));
            svg.Append(F($"<text x=\"{x + step / 2:0.#}\" y=\"{bottom - h - 4:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{Ink}\">{bars[i].Value:0.##}</text>"));
            svg.Append(F($"<text x=\"{x + step / 2:0.#}\" y=\"{bottom + 16}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Ink}\">{Escape(bars[i].Label)}</text>"));
        }

        svg.Append(F($"<line x1=\"30\" y1=\"{bottom}\" x2=\"{Width - 10}\" y2=\"{bottom}\" stroke=\"{Grid}\"/>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line of shares (0-1) over labelled points; missing points break the line.</summary>
    public static string Line(IReadOnlyList<(string Label, double? Share)> points, string description)
    {
        const int height = 220;
        const int top = 20;
        const int bottom = 180;
        var step = (Width - 80) / (double)Math.Max(1, points.Count - 1);
        var svg = Open(height, description);
        foreach (var tick in new[] { 0, 0.5, 1 })
        {
            var y = bottom - tick * (bottom - top);
            svg.Append(F($"<line x1=\"50\" y1=\"{y:0.#}\" x2=\"{Width - 20}\" y2=\"{y:0.#}\" stroke=\"{Grid}\" stroke-dasharray=\"2 3\"/>"));
            svg.Append(F($"<text x=\"44\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"10\" fill=\"{Ink}\">{tick:0%}</text>"));
        }

        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var x = 60 + i * step;
            svg.Append(F($"<text x=\"{x:0.#}\" y=\"{bottom + 18}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Ink}\">{Escape(points[i].Label)}</text>"));
            if (points[i].Share is { } share)
            {
                var y = bottom - share * (bottom - top);
                path.Append(F($"{(path.Length == 0 || points[i - 1].Share is null ? "M" : "L")}{x:0.#},{y:0.#} "));
                svg.Append(F($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{Bar}\"><title>{Escape(points[i].Label)}: {share:0%}</title></circle>"));
            }
        }

        if (path.Length > 0)
        {
            svg.Append(F($"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{Bar}\" stroke-width=\"2\"/>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>One row per estimate on a -0.2..1 scale: its interval as a bar, the estimate as a dot, reference lines.</summary>
    public static string Intervals(IReadOnlyList<(string Label, double Estimate, double? Lower, double? Upper)> rows, IReadOnlyList<double> references, string description)
    {
        var height = 40 + rows.Count * 26;
        const double min = -0.2;
        const double span = 1.2;
        double X(double v) => 180 + (Math.Clamp(v, min, 1) - min) / span * (Width - 200);
        var svg = Open(height, description);
        foreach (var reference in references)
        {
            svg.Append(F($"<line x1=\"{X(reference):0.#}\" y1=\"10\" x2=\"{X(reference):0.#}\" y2=\"{height - 20}\" stroke=\"{Grid}\" stroke-dasharray=\"4 3\"/>"));
            svg.Append(F($"<text x=\"{X(reference):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{Ink}\">{reference:0.000}</text>"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var y = 24 + i * 26;
            var row = rows[i];
            svg.Append(F($"<text x=\"172\" y=\"{y + 4}\" text-anchor=\"end\" font-size=\"11\" fill=\"{Ink}\">{Escape(row.Label)}</text>"));
            if (row.Lower is { } lower && row.Upper is { } upper)
            {
                svg.Append(F($"<line x1=\"{X(lower):0.#}\" y1=\"{y}\" x2=\"{X(upper):0.#}\" y2=\"{y}\" stroke=\"{Bar}\" stroke-width=\"3\"/>"));
            }

            svg.Append(F($"<circle cx=\"{X(row.Estimate):0.#}\" cy=\"{y}\" r=\"5\" fill=\"{Ink}\"><title>{Escape(row.Label)}: {row.Estimate:0.000}</title></circle>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(int height, string description) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{Escape(description)}\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" style=\"max-width:{Width}px\">"))
        .Append("<title>").Append(Escape(description)).Append("</title>");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
