using CertGrid.Abstractions.Persistence;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>Waits until a grain has applied every effect its stored changes caused (they follow the write).</summary>
public static class Settled
{
    public static Task<EffectBacklog> EffectsOfAsync(IGrainFactory grains, IAddressable grain) =>
        Eventually.HoldsAsync(() => grains.GetGrain<IEffectOutbox>(grain.GetGrainId()).GetEffectsAsync(), backlog => backlog.Settled,
            $"the effects of {grain.GetGrainId()} are applied");
}
