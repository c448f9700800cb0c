namespace CertGrid.Abstractions.DirectAwards;

/// <summary>The award hook grains of a community (per-community singletons, keyed by the community id).</summary>
public static class DirectAwardGrainReferences
{
    public static IAwardHookGrain AwardHook(this IGrainFactory grains, string community) => grains.GetGrain<IAwardHookGrain>(community);

    public static IAwardHookReceiverGrain AwardHookReceiver(this IGrainFactory grains, string community) => grains.GetGrain<IAwardHookReceiverGrain>(community);
}
