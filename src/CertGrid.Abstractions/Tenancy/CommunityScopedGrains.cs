using CertGrid.Domain.Tenancy;

namespace CertGrid.Abstractions.Tenancy;

/// <summary>
/// The one way to address a grain that belongs to a community: its key is a <see cref="ScopedKey"/>
/// (<c>{community}/{id}</c>), built here and nowhere else. Each feature names its grains on top of this
/// (<c>grains.Credential(community, id)</c>); per-community singletons are keyed by the community id alone.
/// </summary>
public static class CommunityScopedGrains
{
    public static TGrain InCommunity<TGrain>(this IGrainFactory grains, string community, string id)
        where TGrain : IGrainWithStringKey =>
        grains.GetGrain<TGrain>(new ScopedKey(community, id).ToString());
}
