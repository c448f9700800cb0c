using CertGrid.Domain.Privacy;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

[GenerateSerializer, Alias("certgrid.state.retention")]
public sealed class RetentionState : DurableState
{
    [Id(0)] public RetentionPolicy? Policy { get; set; }
    [Id(1)] public DateTimeOffset? ChangedAt { get; set; }
    [Id(2)] public DateTimeOffset? LastSweepAt { get; set; }
    [Id(3)] public DateTimeOffset? NextSweepAt { get; set; }
    [Id(4)] public long ErasedTotal { get; set; }
}
