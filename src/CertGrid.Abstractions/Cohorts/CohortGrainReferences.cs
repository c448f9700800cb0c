using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Cohorts;

/// <summary>Typed references to the Cohorts grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class CohortGrainReferences
{
    /// <summary>A cohort.</summary>
    public static ICohortGrain Cohort(this IGrainFactory grains, string community, string cohortId) =>
        grains.InCommunity<ICohortGrain>(community, cohortId);
}
