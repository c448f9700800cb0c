using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Analytics;

/// <summary>One community's tallies for one month; see <see cref="IProgramAnalyticsGrain"/>.</summary>
public sealed class ProgramAnalyticsGrain(
    [PersistentState("analytics", StorageNames.GrainStore)] IPersistentState<ProgramAnalyticsState> state)
    : DurableGrain<ProgramAnalyticsState>(state), IProgramAnalyticsGrain
{
    private ScopedKey Key => ScopedKey.Parse(this.GetPrimaryKeyString());

    protected override string Community => Key.Community;

    public async Task RecordAsync(IReadOnlyList<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var outside = events.FirstOrDefault(e => AnalyticsPeriod.Of(e.At) != Key.Id);
        if (outside is not null)
        {
            throw CertGridException.Invalid("events", $"Event {outside.EventId} happened in {AnalyticsPeriod.Of(outside.At)}, not in {Key.Id}.");
        }

        var changed = false;
        foreach (var analyticsEvent in events)
        {
            changed |= State.Period.Apply(analyticsEvent);
        }

        if (changed)
        {
            await SaveAsync();
        }
    }

    public Task<PeriodAnalytics> GetAsync() => Task.FromResult(State.Period);
}
