using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Learners;

/// <summary>Typed references to the Learners grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class LearnerGrainReferences
{
    /// <summary>A learner.</summary>
    public static ILearnerGrain Learner(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ILearnerGrain>(community, learnerId);
}
