using System.Globalization;
using System.Text;
using static CertGrid.Api.Analytics.Report.QualityReportHtml;

namespace CertGrid.Api.Analytics.Report;

/// <summary>The report's tables of groups, evaluator pairs, evaluators and training gaps.</summary>
internal static class QualityReportSections
{
    public static void Fairness(StringBuilder html, QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        Section(html, "fairness", text.Fairness);
        foreach (var breakdown in data.Summary.Fairness.Where(f => f.Groups.Count > 0))
        {
            html.Append("<h3>").Append(E(breakdown.Dimension)).Append("</h3>");
            Table(html, [text.Group, text.PassRate, text.Ratio, text.PValue], breakdown.Groups.Select(g => g.Impact).Select(i => i.Suppressed
                ? new[] { i.Group, string.Format(culture, text.Suppressed, data.Summary.MinimumGroupSize), "–", "–" }
                : [
                    i.Group, Rate(i.Passed ?? 0, i.Total ?? 0, culture), i.ImpactRatio?.ToString("0.00", culture) ?? "–",
                    (i.Significance?.AdjustedPValue.ToString("0.000", culture) ?? "–") + (i.Flagged ? " ⚑" : string.Empty),
                ]).ToList());
        }
    }

    /// <summary>The pairs of evaluators who agree least (quadratic weighted kappa), worst first.</summary>
    public static void Pairs(StringBuilder html, QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        const int Shown = 10;
        Section(html, "pairs", text.Pairs);
        html.Append("<p>").Append(E(string.Format(culture, text.PairsNote, Shown))).Append("</p>");
        Table(html, [text.Pair, text.Criterion, text.Shared, text.Kappa, text.QuadraticKappa], data.Summary.EvaluatorPairs
            .OrderBy(p => p.Agreement.QuadraticKappa ?? double.MaxValue).ThenBy(p => p.CriterionId, StringComparer.Ordinal).Take(Shown).Select(p => new[]
            {
                $"{p.Agreement.FirstRaterId} – {p.Agreement.SecondRaterId}", p.CriterionId, N(p.Agreement.SharedUnits, culture),
                p.Agreement.Kappa?.ToString("0.000", culture) ?? "–", p.Agreement.QuadraticKappa?.ToString("0.000", culture) ?? "–",
            }).ToList());
    }

    public static void Evaluators(StringBuilder html, QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        Section(html, "evaluators", text.Evaluators);
        Table(html, [text.Evaluator, text.Reviews, text.Overdue, text.Severity], data.Summary.Evaluators.OrderBy(e => e.EvaluatorId, StringComparer.Ordinal).Select(e => new[]
        {
            e.EvaluatorId, N(e.Reviews, culture), N(e.Overdue, culture),
            $"{text.Verdicts.GetValueOrDefault(e.Severity.Verdict.ToString(), e.Severity.Verdict.ToString())} ({e.Severity.MeanDeviation.ToString("+0.0;-0.0;0", culture)})",
        }).ToList());

        Section(html, "calibration", text.Calibration);
        Table(html, [text.Evaluator, text.Standing, text.RecentAgreement, text.Discussions, text.Disagreed], data.Calibration.Select(c => new[]
        {
            c.EvaluatorId, $"{text.Statuses.GetValueOrDefault(c.Standing.Status.ToString(), c.Standing.Status.ToString())}: {c.Standing.Reason}",
            c.RecentAgreement?.ToString("0%", culture) ?? "–", N(c.Discussions, culture), N(c.DisagreedWithDecision, culture),
        }).ToList());
    }

    public static void Gaps(StringBuilder html, QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        Section(html, "gaps", text.Gaps);
        Table(html, [text.Cohort, text.Criterion, text.BelowPassing], data.Summary.TrainingGaps.Take(10).Select(g => new[]
        {
            g.Cohort, g.CriterionId, $"{g.Share.ToString("0%", culture)} ({N(g.BelowPassing, culture)}/{N(g.Decided, culture)})",
        }).ToList());
    }
}
