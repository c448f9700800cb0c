using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// How effects count events in a community's program analytics: the events this silo sends while a call is in flight go
/// out together in the next (<see cref="CallBatches{TItem}"/>), so under load a month's grain stores many in one write.
/// </summary>
public sealed class AnalyticsRecorder(IGrainFactory grains)
{
    private readonly CallBatches<AnalyticsEvent> _batches = new(
        (community, events) => grains.GetGrain<IProgramAnalyticsQueryGrain>(community).RecordAsync(events), ProgramAnalyticsGrain.FoldEvery, isRefusal: ex => ex is CertGridException);

    public Task RecordAsync(string community, AnalyticsEvent analyticsEvent) => _batches.SendAsync(community, analyticsEvent);
}
