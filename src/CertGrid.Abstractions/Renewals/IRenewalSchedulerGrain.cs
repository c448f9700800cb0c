namespace CertGrid.Abstractions.Renewals;

/// <summary>
/// A community's renewal clock: one reminder per community drives a sweep that processes, in order, every day
/// that has deadlines and has begun, so a reminder that fires after downtime catches up on every missed day. It
/// also re-applies a changed lifespan policy to the credentials it governs. Key: the community id.
/// </summary>
public interface IRenewalSchedulerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Notes that a day has deadlines (a bucket calls it before storing its first one) and, the first time, registers
    /// the community's reminder. Cheap and idempotent.
    /// </summary>
    [AlwaysInterleave]
    Task NoteDayAsync(DateOnly day);

    /// <summary>Queues re-applying a definition's changed lifespan policy to its credentials at the next sweep.</summary>
    [AlwaysInterleave]
    Task QueuePolicyRolloutAsync(string definitionId);

    /// <summary>Processes every day that is due and every queued policy rollout; returns what it did.</summary>
    Task<SweepReport> SweepAsync();

    [ReadOnly, AlwaysInterleave]
    Task<SchedulerStatus> GetStatusAsync();
}

[GenerateSerializer, Immutable, Alias("certgrid.sweep-report")]
public sealed record SweepReport(
    [property: Id(0)] int DaysCompleted,
    [property: Id(1)] int CredentialsAdvanced,
    [property: Id(2)] int CredentialsDeferred,
    [property: Id(3)] int PoliciesRolledOut,
    [property: Id(4)] DateOnly? LastCompletedDay);

[GenerateSerializer, Immutable, Alias("certgrid.scheduler-status")]
public sealed record SchedulerStatus(
    [property: Id(0)] bool Started,
    [property: Id(1)] DateOnly? LastCompletedDay,
    [property: Id(2)] IReadOnlyList<string> PendingRollouts,
    [property: Id(3)] IReadOnlyList<DateOnly> PendingDays);
