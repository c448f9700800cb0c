using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Appeals;

/// <summary>Typed references to the Appeals grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class AppealGrainReferences
{
    /// <summary>An appeal.</summary>
    public static IAppealGrain Appeal(this IGrainFactory grains, string community, string appealId) =>
        grains.InCommunity<IAppealGrain>(community, appealId);
}
