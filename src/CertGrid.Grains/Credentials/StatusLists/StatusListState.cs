using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials.StatusLists;

[GenerateSerializer, Alias("certgrid.state.status-list")]
public sealed class StatusListState : DurableState
{
    /// <summary>The published bits (16 KiB).</summary>
    [Id(0)] public byte[] Bits { get; set; } = [];

    /// <summary>Which indexes were ever handed out (16 KiB); never cleared, so an index is never reused.</summary>
    [Id(1)] public byte[] Allocated { get; set; } = [];

    [Id(2)] public int AllocatedCount { get; set; }

    /// <summary>Bumped on every bit change; the published credential is re-signed when it moves.</summary>
    [Id(3)] public long Version { get; set; }
}
