using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Demographics;

/// <summary>Typed references to the Demographics grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class DemographicGrainReferences
{
    /// <summary>One learner's own declaration.</summary>
    public static IDemographicDeclarationGrain DemographicDeclaration(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<IDemographicDeclarationGrain>(community, learnerId);
}
