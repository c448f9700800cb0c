using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Assessments;

/// <summary>Typed references to the Assessments grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class AssessmentGrainReferences
{
    /// <summary>An attempt.</summary>
    public static IAttemptGrain Attempt(this IGrainFactory grains, string community, string attemptId) =>
        grains.InCommunity<IAttemptGrain>(community, attemptId);

    /// <summary>An attempt's consensus discussion (keyed by the attempt).</summary>
    public static IConsensusDiscussionGrain ConsensusDiscussion(this IGrainFactory grains, string community, string attemptId) =>
        grains.InCommunity<IConsensusDiscussionGrain>(community, attemptId);
}
