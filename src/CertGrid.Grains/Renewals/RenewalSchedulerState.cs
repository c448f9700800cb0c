using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Renewals;

[GenerateSerializer, Alias("certgrid.state.renewal-scheduler")]
public sealed class RenewalSchedulerState : DurableState
{
    [Id(0)] public bool Started { get; set; }

    /// <summary>Every day up to and including this one has been processed and its buckets deleted.</summary>
    [Id(1)] public DateOnly? LastCompletedDay { get; set; }

    /// <summary>Days that have deadlines registered and are not processed yet, in order (at most a few thousand dates).</summary>
    [Id(3)] public List<DateOnly> PendingDays { get; set; } = [];

    /// <summary>Definitions whose lifespan policy changed and must be re-applied to their credentials.</summary>
    [Id(2)] public List<string> PendingRollouts { get; set; } = [];
}
