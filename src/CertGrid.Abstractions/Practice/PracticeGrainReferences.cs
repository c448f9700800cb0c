using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Practice;

/// <summary>Typed references to the Practice grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class PracticeGrainReferences
{
    /// <summary>A learner's practice sessions and readiness.</summary>
    public static ILearnerPracticeGrain LearnerPractice(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ILearnerPracticeGrain>(community, learnerId);
}
