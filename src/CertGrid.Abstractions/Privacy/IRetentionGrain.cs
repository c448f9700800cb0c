using CertGrid.Domain.Privacy;

namespace CertGrid.Abstractions.Privacy;

/// <summary>
/// A community's retention policy and its sweep: while a policy is set, one entry in the community's deadline bucket
/// (never one per learner) wakes this grain daily; it reads the learners read model for those inactive beyond the policy
/// and erases them through their own grains. Key: the community id.
/// </summary>
public interface IRetentionGrain : IGrainWithStringKey
{
    /// <summary>Sets (or, with null, removes) the policy; audited. The first sweep is due at once.</summary>
    Task<RetentionSettings> SetPolicyAsync(RetentionPolicy? policy, string actor);

    [ReadOnly]
    Task<RetentionSettings> GetAsync();

    /// <summary>Erases now the learners inactive beyond the policy (at most one batch); the daily sweep does the same.</summary>
    Task<RetentionSweepReport> SweepAsync();

    /// <summary>The deadline bucket's daily call, one-way (the bucket never waits for a sweep).</summary>
    [OneWay]
    Task SweepDueAsync();
}

/// <summary>A community's retention policy (null: none), who set it when, and what its sweeps did.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.retention-settings")]
public sealed record RetentionSettings(
    [property: Id(0)] RetentionPolicy? Policy,
    [property: Id(1)] DateTimeOffset? ChangedAt,
    [property: Id(2)] DateTimeOffset? LastSweepAt,
    [property: Id(3)] DateTimeOffset? NextSweepAt,
    [property: Id(4)] long ErasedTotal);

/// <summary>What one sweep did: learners erased, and whether more inactive learners wait for the next batch.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.retention-sweep-report")]
public sealed record RetentionSweepReport(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Erased,
    [property: Id(2)] bool More);
