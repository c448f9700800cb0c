using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// One community's tallies for one month; see <see cref="IProgramAnalyticsGrain"/>. The tallies grow with the community
/// (evaluators, pairs, groups), so they live in a blob written every <see cref="FoldEvery"/> events; each event is stored
/// first in the grain's row (<see cref="ProgramAnalyticsState.Unfolded"/>) and counted in memory. An activation reads the
/// blob and counts the row's events again (the tallies remember the events they counted, so none counts twice).
/// </summary>
public sealed class ProgramAnalyticsGrain(
    [PersistentState("analytics", StorageNames.GrainStore)] IPersistentState<ProgramAnalyticsState> state,
    [PersistentState("analytics-tallies", StorageNames.BlobGrainStore)] IPersistentState<PeriodAnalytics> tallies)
    : DurableGrain<ProgramAnalyticsState>(state), IProgramAnalyticsGrain
{
    /// <summary>The events stored in the row before the tallies are written whole (well under the events the tallies remember).</summary>
    public const int FoldEvery = 50;

    private ScopedKey Key => ScopedKey.Parse(this.GetPrimaryKeyString());

    protected override string Community => Key.Community;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (!tallies.RecordExists && State.Period.RecentEventIds.Count > 0)
        {
            tallies.State = State.Period; // written by a version that kept the tallies in the row
        }

        foreach (var analyticsEvent in State.Unfolded)
        {
            tallies.State.Apply(analyticsEvent);
        }
    }

    public async Task RecordAsync(IReadOnlyList<AnalyticsEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var outside = events.FirstOrDefault(e => AnalyticsPeriod.Of(e.At) != Key.Id);
        if (outside is not null)
        {
            throw CertGridException.Invalid("events", $"Event {outside.EventId} happened in {AnalyticsPeriod.Of(outside.At)}, not in {Key.Id}.");
        }

        var fresh = events.Where(e => !tallies.State.HasCounted(e.EventId)).DistinctBy(e => e.EventId).ToList();
        if (fresh.Count > 0)
        {
            State.Unfolded.AddRange(fresh);
            await SaveAsync();
            foreach (var analyticsEvent in fresh)
            {
                tallies.State.Apply(analyticsEvent);
            }
        }

        // An erased organisation leaves the stored tallies at once, not at the next fold.
        if (State.Unfolded.Count >= FoldEvery || State.Unfolded.Any(e => e is LearnerOrganisationErased))
        {
            await FoldAsync();
        }
    }

    public Task<PeriodAnalytics> GetAsync() => Task.FromResult(tallies.State);

    /// <summary>Writes the tallies whole, then empties the row (a crash between the two only counts the row's events again: no-ops).</summary>
    private async Task FoldAsync()
    {
        await tallies.WriteStateAsync();
        State.Unfolded.Clear();
        State.Period = new();
        await SaveAsync();
    }
}
