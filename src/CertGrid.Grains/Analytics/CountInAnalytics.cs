using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// A domain event is counted in its community's program analytics (the month it happened in). Counting it again changes
/// nothing: the month grain drops an event id it has already counted.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.count-in-analytics")]
public sealed record CountInAnalytics([property: Id(0)] AnalyticsEvent Event) : Effect
{
    public override string Receiver => "analytics";

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<AnalyticsRecorder>().RecordAsync(context.Community, Event);
}
