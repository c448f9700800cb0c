using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Quality;

namespace CertGrid.Api.Analytics.Report;

/// <summary>One month's decisions, for the trend chart.</summary>
public sealed record MonthOutcome(string Period, int Passed, int Total)
{
    public double? PassRate => Total == 0 ? null : Passed / (double)Total;
}

/// <summary>Everything a program quality report shows, read from the analytics and calibration grains (never the reviews).</summary>
public sealed record QualityReportData(
    string Community,
    IReadOnlyList<string> Periods,
    ProgramAnalyticsSummary Summary,
    IReadOnlyList<MonthOutcome> Trend,
    ScoreDistribution? Scores,
    CalibrationPolicy CalibrationPolicy,
    IReadOnlyList<EvaluatorCalibration> Calibration,
    IReadOnlyDictionary<string, QualityFlagResolution> Resolutions,
    DateTimeOffset GeneratedAt);
