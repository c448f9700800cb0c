namespace CertGrid.Abstractions.Consents;

/// <summary>A community's retention of its partner-access log.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-access-retention")]
public sealed record PartnerAccessRetentionView(
    [property: Id(0)] int Days,
    [property: Id(1)] DateTimeOffset? LastSweptAt,
    [property: Id(2)] int RemovedInLastSweep);

/// <summary>
/// Keeps a community's partner-access log for its retention period: one daily sweep per community, scheduled in the
/// community's deadline bucket (never one reminder per learner or row), removes the older rows of every learner at once.
/// Key: the community id.
/// </summary>
public interface IPartnerAccessRetentionGrain : IGrainWithStringKey
{
    /// <summary>Sets how many days the log is kept (VALIDATION_FAILED outside 30–3650); the next sweep applies it.</summary>
    Task<PartnerAccessRetentionView> SetDaysAsync(int days, string actor);

    [ReadOnly]
    Task<PartnerAccessRetentionView> GetAsync();

    /// <summary>Makes sure the daily sweep is scheduled (the log calls it when it first writes in an activation). Idempotent.</summary>
    Task EnsureScheduledAsync();

    /// <summary>Removes the rows older than the retention period and schedules the next sweep; returns how many it removed.</summary>
    Task<int> SweepAsync();

    /// <summary>The community's deadline bucket: the daily sweep is due (one-way, so the bucket never waits on the sweep that reschedules it).</summary>
    [OneWay]
    Task SweepDueAsync();
}
