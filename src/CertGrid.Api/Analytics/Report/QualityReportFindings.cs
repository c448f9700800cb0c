using System.Globalization;
using CertGrid.Domain.Quality;

namespace CertGrid.Api.Analytics.Report;

/// <summary>A finding the board should act on, and what resolves it.</summary>
public sealed record ReportFlag(string Finding, string Resolution);

/// <summary>Turns the figures into plain-language interpretation and the list of flags with their resolution.</summary>
public static class QualityReportFindings
{
    public const double Reliable = 0.800;
    public const double Tentative = 0.667;

    /// <summary>One sentence per criterion with an alpha, worst first.</summary>
    public static IReadOnlyList<string> Interpret(QualityReportData data, QualityReportText text, CultureInfo culture) =>
        data.Summary.Reliability.Where(r => r.Measure.Alpha is not null).OrderBy(r => r.Measure.Alpha!.Alpha)
            .Select(r => string.Format(culture, r.Measure.Alpha!.Alpha < Tentative ? text.AlphaUnreliable : r.Measure.Alpha.Alpha < Reliable ? text.AlphaTentative : text.AlphaReliable,
                r.CriterionId, r.Measure.Alpha.Alpha))
            .ToList();

    public static IReadOnlyList<ReportFlag> Flags(QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        var flags = new List<ReportFlag>();
        foreach (var criterion in data.Summary.Reliability.Where(r => r.Measure.Alpha is { } a && a.Alpha < Tentative))
        {
            flags.Add(new(string.Format(culture, text.AlphaUnreliable, criterion.CriterionId, criterion.Measure.Alpha!.Alpha), text.AlphaResolution));
        }

        foreach (var breakdown in data.Summary.Fairness)
        {
            foreach (var group in breakdown.Flagged)
            {
                flags.Add(new(string.Format(culture, text.FairnessFlag, breakdown.Dimension, group.Group, group.PassRate, group.ImpactRatio, group.Significance?.AdjustedPValue),
                    text.FairnessResolution));
            }
        }

        foreach (var evaluator in data.Summary.Evaluators.Where(e => e.Severity.Verdict is SeverityVerdict.Harsh or SeverityVerdict.Lenient))
        {
            flags.Add(new(string.Format(culture, text.SeverityFlag, evaluator.EvaluatorId,
                evaluator.Severity.Verdict == SeverityVerdict.Harsh ? text.Harsher : text.MoreLenient, evaluator.Severity.MeanDeviation, evaluator.Severity.Reviews),
                text.SeverityResolution));
        }

        foreach (var evaluator in data.Calibration.Where(c => c.Standing.Status is CalibrationStatus.Failed or CalibrationStatus.Drifted))
        {
            flags.Add(new(string.Format(culture, text.CalibrationFlag, evaluator.EvaluatorId, evaluator.Standing.Reason),
                data.CalibrationPolicy.Required ? text.CalibrationExcluded : text.CalibrationAdvised));
        }

        return flags;
    }
}
