using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Events;

/// <summary>A change's events join the community's feed (and from there its webhooks and live subscribers); the feed records each event id once.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.append-to-event-feed")]
public sealed record AppendToEventFeed([property: Id(0)] IReadOnlyList<DomainEvent> Events) : Effect
{
    public override string Receiver => "events";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IEventFeedGrain>(context.Community).AppendAsync(Events);
}
