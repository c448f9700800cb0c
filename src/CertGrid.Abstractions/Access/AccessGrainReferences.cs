using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Access;

/// <summary>Typed references to the Access grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class AccessGrainReferences
{
    /// <summary>An API key.</summary>
    public static IApiKeyGrain ApiKey(this IGrainFactory grains, string community, string keyId) =>
        grains.InCommunity<IApiKeyGrain>(community, keyId);
}
