using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Consents;

/// <summary>Typed references to the Consents grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class ConsentGrainReferences
{
    /// <summary>A learner's consents to partners.</summary>
    public static ILearnerConsentGrain LearnerConsents(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ILearnerConsentGrain>(community, learnerId);
}
