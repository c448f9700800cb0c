using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// What deadline buckets stored before their deadlines became rows of the Deadlines table: every deadline in one list.
/// A bucket moves them into rows on activation and stores the list empty.
/// </summary>
[GenerateSerializer, Alias("certgrid.state.deadline-bucket")]
public sealed class DeadlineBucketState : DurableState
{
    [Id(0)] public List<DeadlineEntry> Entries { get; set; } = [];
}

/// <summary>A scheduled deadline and when it was last dispatched to its target (which cancels it once handled).</summary>
[GenerateSerializer, Alias("certgrid.state.deadline-entry")]
public sealed class DeadlineEntry
{
    [Id(0)] public ScheduledDeadline Deadline { get; set; } = null!;
    [Id(1)] public DateTimeOffset? DispatchedAt { get; set; }
}
