using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Consents;

[GenerateSerializer, Alias("certgrid.state.partner-access-retention")]
public sealed class PartnerAccessRetentionState : DurableState
{
    /// <summary>Days the log is kept; null for the default.</summary>
    [Id(0)] public int? Days { get; set; }

    [Id(1)] public DateTimeOffset? LastSweptAt { get; set; }

    [Id(2)] public int RemovedInLastSweep { get; set; }

    [Id(3)] public bool Scheduled { get; set; }
}
