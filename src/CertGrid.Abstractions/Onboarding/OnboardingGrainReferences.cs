using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Onboarding;

/// <summary>Typed references to the Onboarding grains of a community.</summary>
public static class OnboardingGrainReferences
{
    public static IRosterImportGrain RosterImport(this IGrainFactory grains, string community, string importId) =>
        grains.InCommunity<IRosterImportGrain>(community, importId);
}
