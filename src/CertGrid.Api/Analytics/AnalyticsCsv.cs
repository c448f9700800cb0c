using System.Globalization;
using System.Text;
using CertGrid.Domain.Analytics;

namespace CertGrid.Api.Analytics;

/// <summary>
/// Program analytics as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
/// quoted) in one long table — section, name, group, measure, value — so a spreadsheet can pivot it. Suppressed groups
/// appear with the measure "suppressed" and no value.
/// </summary>
public static class AnalyticsCsv
{
    public static string Write(ProgramAnalyticsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder();
        void Row(string section, string name, string group, string measure, double? value) =>
            csv.Append(Field(section)).Append(',').Append(Field(name)).Append(',').Append(Field(group)).Append(',').Append(Field(measure)).Append(',')
                .Append(value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty).Append("\r\n");

        csv.Append("section,name,group,measure,value\r\n");
        Row("volume", "applications", "", "count", summary.Applications);
        Row("volume", "attempts", "", "count", summary.AttemptsSubmitted);
        Row("pass rate", "first attempts", "", "passed", summary.FirstAttempts.Passed);
        Row("pass rate", "first attempts", "", "total", summary.FirstAttempts.Total);
        Row("pass rate", "later attempts", "", "passed", summary.LaterAttempts.Passed);
        Row("pass rate", "later attempts", "", "total", summary.LaterAttempts.Total);
        Row("certification", "days to certification", "", "median", summary.MedianDaysToCertification);
        Row("appeals", "filed", "", "count", summary.AppealsFiled);
        Row("appeals", "overturned", "", "count", summary.AppealsOverturned);
        Row("appeals", "upheld", "", "count", summary.AppealsUpheld);
        summary.Renewals.ToList().ForEach(r => Row("renewals", r.Name, "", "count", r.Value));
        summary.CeCredits.ToList().ForEach(c => Row("ce credits", c.Name, "", "credits", c.Value));
        foreach (var evaluator in summary.Evaluators)
        {
            Row("evaluators", evaluator.EvaluatorId, "", "reviews", evaluator.Reviews);
            Row("evaluators", evaluator.EvaluatorId, "", "overdue", evaluator.Overdue);
            Row("evaluators", evaluator.EvaluatorId, evaluator.Severity.Verdict.ToString(), "mean deviation", evaluator.Severity.MeanDeviation);
        }

        foreach (var breakdown in summary.Fairness)
        {
            foreach (var group in breakdown.Groups.Select(g => g.Impact))
            {
                if (group.Suppressed)
                {
                    Row("fairness", breakdown.Dimension, group.Group, "suppressed", null);
                    continue;
                }

                Row("fairness", breakdown.Dimension, group.Group, "passed", group.Passed);
                Row("fairness", breakdown.Dimension, group.Group, "total", group.Total);
                Row("fairness", breakdown.Dimension, group.Group, "impact ratio", group.ImpactRatio);
                Row("fairness", breakdown.Dimension, group.Group, "adjusted p", group.Significance?.AdjustedPValue);
            }
        }

        foreach (var criterion in summary.Reliability)
        {
            var name = $"{criterion.CredentialId}/{criterion.CriterionId}";
            Row("reliability", name, "", "alpha", criterion.Measure.Alpha?.Alpha);
            Row("reliability", name, "", "alpha lower 95%", criterion.Measure.Interval?.Lower);
            Row("reliability", name, "", "alpha upper 95%", criterion.Measure.Interval?.Upper);
            Row("reliability", name, "", "exact agreement", criterion.Measure.Agreement?.Exact);
        }

        foreach (var pair in summary.EvaluatorPairs)
        {
            var (name, raters) = ($"{pair.CredentialId}/{pair.CriterionId}", $"{pair.Agreement.FirstRaterId}|{pair.Agreement.SecondRaterId}");
            Row("evaluator pairs", name, raters, "shared attempts", pair.Agreement.SharedUnits);
            Row("evaluator pairs", name, raters, "kappa", pair.Agreement.Kappa);
            Row("evaluator pairs", name, raters, "quadratic kappa", pair.Agreement.QuadraticKappa);
        }

        summary.TrainingGaps.ToList().ForEach(g => Row("training gaps", g.CriterionId, g.Cohort, "share below passing", g.Share));
        return csv.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
