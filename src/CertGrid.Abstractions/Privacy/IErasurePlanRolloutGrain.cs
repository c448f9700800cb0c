namespace CertGrid.Abstractions.Privacy;

/// <summary>
/// Brings the erasures made under an earlier erasure plan up to the current one, across every community, once per
/// plan: when a release adds a place that holds personal data, the learners erased before it are erased there too,
/// without an operator. Each silo asks at start (<c>ErasurePlanRollouts</c>); the first ask starts the walk and the
/// others see it running or done. Key: 0.
/// </summary>
public interface IErasurePlanRolloutGrain : IGrainWithIntegerKey
{
    /// <summary>Starts (or resumes) the walk unless the current plan is rolled out; answers at once with where it is.</summary>
    Task<ErasurePlanRollout> EnsureAsync();

    [ReadOnly]
    Task<ErasurePlanRollout> GetAsync();
}

/// <summary>
/// Where the rollout of the erasure plan <see cref="Plan"/> is: done, the communities walked, the erased learners asked
/// to complete their erasure so far (each completes only what its own tombstone's plan lacks; most have nothing to do).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.erasure-plan-rollout")]
public sealed record ErasurePlanRollout(
    [property: Id(0)] int Plan,
    [property: Id(1)] bool Done,
    [property: Id(2)] int CommunitiesWalked,
    [property: Id(3)] long ErasedLearnersChecked,
    [property: Id(4)] DateTimeOffset? CompletedAt);
