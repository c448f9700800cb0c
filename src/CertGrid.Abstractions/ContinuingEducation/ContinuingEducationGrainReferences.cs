using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.ContinuingEducation;

/// <summary>Typed references to the ContinuingEducation grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class ContinuingEducationGrainReferences
{
    /// <summary>A learner's continuing-education ledger.</summary>
    public static ICeLedgerGrain CeLedger(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ICeLedgerGrain>(community, learnerId);
}
