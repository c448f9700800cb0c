using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Domain.Quality;

namespace CertGrid.Grains.Analytics;

/// <summary>Routes a community's events to their months and answers windows from the month grains; see <see cref="IProgramAnalyticsQueryGrain"/>.</summary>
[StatelessWorker]
public sealed class ProgramAnalyticsQueryGrain : Grain, IProgramAnalyticsQueryGrain
{
    private string Community => this.GetPrimaryKeyString();

    public Task RecordAsync(IReadOnlyList<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Task.WhenAll(events.GroupBy(e => AnalyticsPeriod.Of(e.At), StringComparer.Ordinal)
            .Select(period => Period(period.Key).RecordAsync(period.ToList())));
    }

    public async Task<ProgramAnalyticsSummary> SummariseAsync(DateTimeOffset start, DateTimeOffset until)
    {
        if (until < start)
        {
            throw CertGridException.Invalid("until", "The window must end after it starts.");
        }

        var periods = AnalyticsPeriod.Between(start, until);
        if (periods.Count > IProgramAnalyticsQueryGrain.MaximumPeriods)
        {
            throw CertGridException.Invalid("start", $"A window may span at most {IProgramAnalyticsQueryGrain.MaximumPeriods} months (this one spans {periods.Count}).");
        }

        var policy = GrainFactory.GetGrain<IFairnessPolicyGrain>(Community).GetAsync();
        var tallies = await Task.WhenAll(periods.Select(p => Period(p).GetAsync()));
        return ProgramAnalytics.Summarise(periods, tallies, (await policy).MinimumGroupSize, SeveritySettings.Default, seed: StableSeed(Community, periods));
    }

    private IProgramAnalyticsGrain Period(string period) => GrainFactory.ProgramAnalytics(Community, period);

    /// <summary>The same community and window always get the same bootstrap intervals.</summary>
    private static int StableSeed(string community, IReadOnlyList<string> periods)
    {
        var seed = 17;
        foreach (var c in $"{community}|{string.Join(',', periods)}")
        {
            seed = unchecked(seed * 31 + c);
        }

        return seed;
    }
}
