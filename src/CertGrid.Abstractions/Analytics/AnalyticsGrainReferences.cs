using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Analytics;

/// <summary>Typed references to the Analytics grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class AnalyticsGrainReferences
{
    /// <summary>The community's analytics for one month, <paramref name="period"/> as "yyyy-MM" (<see cref="Domain.Analytics.AnalyticsPeriod.Of"/>).</summary>
    public static IProgramAnalyticsGrain ProgramAnalytics(this IGrainFactory grains, string community, string period) =>
        grains.InCommunity<IProgramAnalyticsGrain>(community, period);
}
