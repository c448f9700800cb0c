using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Analytics;

namespace CertGrid.Api.Analytics.Report;

/// <summary>Reads a report's figures: the window's summary, each month's tallies for trends, and calibration.</summary>
public static class QualityReportLoader
{
    public static async Task<QualityReportData> LoadAsync(IGrainFactory grains, string community, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now)
    {
        var summaryTask = grains.GetGrain<IProgramAnalyticsQueryGrain>(community).SummariseAsync(from, until);
        var periods = AnalyticsPeriod.Between(from, until);
        var calibration = grains.GetGrain<ICalibrationGrain>(community);
        var resolutions = grains.GetGrain<IQualityBoardGrain>(community).LatestAsync();
        var months = await Task.WhenAll(periods.Take(IProgramAnalyticsQueryGrain.MaximumPeriods)
            .Select(p => grains.ProgramAnalytics(community, p).GetAsync()));
        var summary = await summaryTask;

        var all = new OutcomeTally();
        var trend = new List<MonthOutcome>(months.Length);
        for (var i = 0; i < months.Length; i++)
        {
            var decided = new OutcomeTally();
            decided.AddFrom(months[i].FirstAttempts);
            decided.AddFrom(months[i].LaterAttempts);
            all.AddFrom(decided);
            trend.Add(new MonthOutcome(periods[i], decided.Passed, decided.Total));
        }

        return new QualityReportData(community, summary.Periods, summary, trend, all.Distribution(),
            await calibration.GetPolicyAsync(), await calibration.ListEvaluatorsAsync(), await resolutions, now);
    }
}
