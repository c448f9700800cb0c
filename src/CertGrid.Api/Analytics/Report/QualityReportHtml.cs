using System.Globalization;
using System.Net;
using System.Text;
using CertGrid.Domain.Analytics;

namespace CertGrid.Api.Analytics.Report;

/// <summary>
/// The program quality report as one self-contained HTML document: figures, SVG charts, interpretation and flags, with a
/// print stylesheet (A4, no page break inside a table or chart). No script and nothing loaded from anywhere.
/// </summary>
public static class QualityReportHtml
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;color:#111827;max-width:60rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.45}
        h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1d4ed8}h3{font-size:1.05rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #9ca3af;padding:.25rem .5rem;text-align:left;vertical-align:top}
        th{background:#e5e7eb}td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#374151}
        figure{margin:1rem 0}figcaption{font-size:.9rem;color:#374151}
        @media print{@page{size:A4;margin:15mm}body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}table,figure{break-inside:avoid}}
        """;

    public static string Render(QualityReportData data, string language)
    {
        var text = QualityReportText.For(language);
        var culture = QualityReportText.Culture(language);
        var summary = data.Summary;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(language)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(text.Title)).Append(" – ").Append(E(data.Community)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");
        html.Append("<h1>").Append(E(text.Title)).Append("</h1><p id=\"period\">")
            .Append(E(string.Format(culture, text.Period, data.Periods.Count > 0 ? data.Periods[0] : null, data.Periods.Count > 0 ? data.Periods[^1] : null))).Append("</p><p class=\"muted\">")
            .Append(E(string.Format(culture, text.Generated, data.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), summary.MinimumGroupSize))).Append("</p>");

        Section(html, "interpretation", text.Interpretation);
        var sentences = QualityReportFindings.Interpret(data, text, culture).Append(summary.Fairness.Any(f => f.Flagged.Any()) ? null : text.NoAdverseImpact).OfType<string>().ToList();
        html.Append("<ul>").AppendJoin(string.Empty, sentences.Select(s => $"<li>{E(s)}</li>")).Append("</ul>");

        Section(html, "volume", text.Volume);
        Table(html, [text.Figure, text.Value],
        [
            [text.Applications, N(summary.Applications, culture)], [text.Attempts, N(summary.AttemptsSubmitted, culture)],
            [text.FirstPass, Rate(summary.FirstAttempts.Passed, summary.FirstAttempts.Total, culture)], [text.LaterPass, Rate(summary.LaterAttempts.Passed, summary.LaterAttempts.Total, culture)],
            [text.MedianDays, summary.MedianDaysToCertification?.ToString("0.#", culture) ?? "–"],
            [text.Appeals, $"{summary.AppealsFiled} / {summary.AppealsOverturned} / {summary.AppealsUpheld}"],
            [text.Renewals, string.Join(", ", summary.Renewals.Select(r => $"{r.Name}: {r.Value.ToString("0.##", culture)}"))],
            [text.CeCredits, string.Join(", ", summary.CeCredits.Select(c => $"{c.Name}: {c.Value.ToString("0.##", culture)}"))],
        ]);

        Section(html, "distribution", text.Distribution);
        var bands = data.Scores?.Bands ?? [];
        Chart(html, SvgCharts.Bars(bands.Select((count, i) => (i == 9 ? "90–100" : $"{i * 10}–{i * 10 + 9}", (double)count)).ToList(),
            string.Format(culture, text.DistributionAlt, data.Scores?.Count ?? 0)), text.DistributionAlt.Split(':')[0]);

        Section(html, "trend", text.Trend);
        Chart(html, SvgCharts.Line(data.Trend.Select(m => (m.Period, m.PassRate)).ToList(), text.TrendAlt), text.TrendAlt.Split(':')[0]);

        Section(html, "reliability", text.Reliability);
        var reliability = summary.Reliability.Where(r => r.Measure.Alpha is not null).OrderBy(r => r.CriterionId, StringComparer.Ordinal).ToList();
        if (reliability.Count == 0)
        {
            html.Append("<p>").Append(E(text.NoData)).Append("</p>");
        }
        else
        {
            Chart(html, SvgCharts.Intervals(reliability.Select(r => (r.CriterionId, r.Measure.Alpha!.Alpha, r.Measure.Interval?.Lower, r.Measure.Interval?.Upper)).ToList(),
                [QualityReportFindings.Tentative, QualityReportFindings.Reliable], text.ReliabilityAlt), text.ReliabilityAlt);
            Table(html, [text.Criterion, text.Alpha, text.Interval, text.Exact, text.Adjacent], reliability.Select(r => new[]
            {
                r.CriterionId, r.Measure.Alpha!.Alpha.ToString("0.000", culture),
                r.Measure.Interval is { } i ? $"{i.Lower.ToString("0.000", culture)} – {i.Upper.ToString("0.000", culture)}" : "–",
                r.Measure.Agreement?.Exact.ToString("0%", culture) ?? "–", r.Measure.Agreement?.Adjacent.ToString("0%", culture) ?? "–",
            }).ToList());
        }

        QualityReportSections.Pairs(html, data, text, culture);
        QualityReportSections.Fairness(html, data, text, culture);
        QualityReportSections.Evaluators(html, data, text, culture);
        QualityReportSections.Gaps(html, data, text, culture);

        Section(html, "flags", text.Flags);
        var flags = QualityReportFindings.Flags(data, text, culture);
        if (flags.Count == 0)
        {
            html.Append("<p>").Append(E(text.NoFlags)).Append("</p>");
        }
        else
        {
            Table(html, [text.Finding, text.SuggestedAction, text.BoardResolution],
                flags.Select(f => new[] { f.Finding, f.SuggestedAction, QualityReportFindings.Describe(f.Resolution, text, culture) }).ToList());
        }

        return html.Append("</main></body></html>").ToString();
    }

    internal static void Section(StringBuilder html, string id, string title) => html.Append("<h2 id=\"").Append(id).Append("\">").Append(E(title)).Append("</h2>");

    internal static void Table(StringBuilder html, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        html.Append("<table><thead><tr>").AppendJoin(string.Empty, headers.Select(h => $"<th scope=\"col\">{E(h)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>").AppendJoin(string.Empty, row.Skip(1).Select(c => $"<td>{E(c)}</td>")).Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    internal static string N(int value, CultureInfo culture) => value.ToString("N0", culture);

    internal static string Rate(int passed, int total, CultureInfo culture) =>
        total == 0 ? "–" : $"{(passed / (double)total).ToString("0.0%", culture)} ({N(passed, culture)}/{N(total, culture)})";

    private static void Chart(StringBuilder html, string svg, string caption) =>
        html.Append("<figure>").Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>");
}
