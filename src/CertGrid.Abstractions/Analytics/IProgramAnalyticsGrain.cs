using CertGrid.Domain.Analytics;

namespace CertGrid.Abstractions.Analytics;

/// <summary>
/// One community's program analytics for one month: running tallies, updated one batch of domain events at a time
/// and persisted before the call returns. State is bounded (counts and histograms), so one grain per period holds it.
/// Key: <c>{community}/{period}</c> with the period as "yyyy-MM" (<see cref="AnalyticsPeriod.Of"/>).
/// </summary>
public interface IProgramAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>Counts the events (each once, however often delivered). Every event must fall in this grain's period.</summary>
    Task RecordAsync(IReadOnlyList<AnalyticsEvent> events);

    [ReadOnly]
    Task<PeriodAnalytics> GetAsync();
}

/// <summary>
/// A community's analytics entry point, on every silo: routes events to their period's grain, and answers a window
/// by reading only the period grains it spans (never the reviews). Key: the community id.
/// </summary>
public interface IProgramAnalyticsQueryGrain : IGrainWithStringKey
{
    /// <summary>The most months one window may span.</summary>
    public const int MaximumPeriods = 36;

    Task RecordAsync(IReadOnlyList<AnalyticsEvent> events);

    /// <summary>
    /// The figures for the months from <paramref name="start"/> to <paramref name="until"/>, groups under the community's
    /// minimum group size (<see cref="IFairnessPolicyGrain"/>) suppressed.
    /// </summary>
    [ReadOnly]
    Task<ProgramAnalyticsSummary> SummariseAsync(DateTimeOffset start, DateTimeOffset until);
}
