using System.Globalization;
using CertGrid.Domain.Quality;

namespace CertGrid.Api.Analytics.Report;

/// <summary>
/// A finding the board should act on: its stable key, the finding in words, the action the report suggests, and the
/// board's latest recorded resolution (null while nobody has recorded one).
/// </summary>
public sealed record ReportFlag(string Key, string Finding, string SuggestedAction, QualityFlagResolution? Resolution);

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

    /// <summary>The board's resolution in words, or that the flag is still open.</summary>
    public static string Describe(QualityFlagResolution? resolution, QualityReportText text, CultureInfo culture) => resolution is null
        ? text.Unresolved
        : string.Format(culture, text.ResolutionLine, text.Outcomes[resolution.Outcome.ToString()], resolution.ResolvedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            resolution.ResolvedBy, resolution.FromMonth, resolution.UntilMonth, resolution.Note);

    public static IReadOnlyList<ReportFlag> Flags(QualityReportData data, QualityReportText text, CultureInfo culture)
    {
        var flags = new List<ReportFlag>();
        foreach (var criterion in data.Summary.Reliability.Where(r => r.Measure.Alpha is { } a && a.Alpha < Tentative))
        {
            Add(QualityFlagKey.Reliability(criterion.CriterionId), string.Format(culture, text.AlphaUnreliable, criterion.CriterionId, criterion.Measure.Alpha!.Alpha), text.AlphaResolution);
        }

        foreach (var breakdown in data.Summary.Fairness)
        {
            foreach (var group in breakdown.Flagged)
            {
                Add(QualityFlagKey.Fairness(breakdown.Dimension, group.Group),
                    string.Format(culture, text.FairnessFlag, breakdown.Dimension, group.Group, group.PassRate, group.ImpactRatio, group.Significance?.AdjustedPValue),
                    text.FairnessResolution);
            }
        }

        foreach (var evaluator in data.Summary.Evaluators.Where(e => e.Severity.Verdict is SeverityVerdict.Harsh or SeverityVerdict.Lenient))
        {
            Add(QualityFlagKey.Severity(evaluator.EvaluatorId), string.Format(culture, text.SeverityFlag, evaluator.EvaluatorId,
                evaluator.Severity.Verdict == SeverityVerdict.Harsh ? text.Harsher : text.MoreLenient, evaluator.Severity.MeanDeviation, evaluator.Severity.Reviews),
                text.SeverityResolution);
        }

        foreach (var evaluator in data.Calibration.Where(c => c.Standing.Status is CalibrationStatus.Failed or CalibrationStatus.Drifted))
        {
            Add(QualityFlagKey.Calibration(evaluator.EvaluatorId), string.Format(culture, text.CalibrationFlag, evaluator.EvaluatorId, evaluator.Standing.Reason),
                data.CalibrationPolicy.Required ? text.CalibrationExcluded : text.CalibrationAdvised);
        }

        return flags;

        void Add(string key, string finding, string suggestedAction) => flags.Add(new(key, finding, suggestedAction, data.Resolutions.GetValueOrDefault(key)));
    }
}
