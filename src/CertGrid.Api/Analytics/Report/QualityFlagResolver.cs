using System.Globalization;
using CertGrid.Abstractions.Analytics;
using CertGrid.Api.Analytics;

namespace CertGrid.Api.Analytics.Report;

/// <summary>Reads a window's flags with the board's resolutions, and records a resolution for a flag that window shows.</summary>
public static class QualityFlagResolver
{
    public static async Task<IReadOnlyList<ReportFlag>> FlagsAsync(IGrainFactory grains, string community, DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, string language)
    {
        var data = await QualityReportLoader.LoadAsync(grains, community, from, until, now);
        return QualityReportFindings.Flags(data, QualityReportText.For(language), QualityReportText.Culture(language));
    }

    public static async Task<ReportFlag> ResolveAsync(IGrainFactory grains, string community, ResolveQualityFlagInput input, string actor, DateTimeOffset now)
    {
        var data = await QualityReportLoader.LoadAsync(grains, community, input.From, input.Until, now);
        var flag = QualityReportFindings.Flags(data, QualityReportText.For(QualityReportText.DefaultLanguage), CultureInfo.InvariantCulture)
            .FirstOrDefault(f => f.Key == input.FlagKey)
            ?? throw new CertGridException(ErrorCode.NotFound,
                $"The quality report for {data.Periods[0]} to {data.Periods[^1]} has no flag '{input.FlagKey}': read the window's keys with qualityFlags.", "input.flagKey");
        var resolution = await grains.GetGrain<IQualityBoardGrain>(community)
            .ResolveAsync(new QualityFlagDecision(flag.Key, input.Outcome, input.Note, data.Periods[0], data.Periods[^1]), actor);
        return flag with { Resolution = resolution };
    }
}
