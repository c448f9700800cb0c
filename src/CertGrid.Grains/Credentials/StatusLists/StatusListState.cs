using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials.StatusLists;

[GenerateSerializer, Alias("certgrid.state.status-list")]
public sealed class StatusListState : DurableState
{
    /// <summary>The published entries (16 KiB, 32 KiB in a 2-bit message list), written only when an entry changes.</summary>
    [Id(0)] public byte[] Bits { get; set; } = [];

    /// <summary>
    /// On lists filled before indexes were handed out in blocks: which indexes were handed out at random (16 KiB).
    /// Empty on newer lists, whose indexes are recorded in <see cref="StatusListAllocation"/>.
    /// </summary>
    [Id(1)] public byte[] Allocated { get; set; } = [];

    /// <summary>Indexes handed out at random on a list filled before blocks (0 on newer lists).</summary>
    [Id(2)] public int AllocatedCount { get; set; }

    /// <summary>Bumped on every bit change; the published credential is re-signed when it moves.</summary>
    [Id(3)] public long Version { get; set; }
}
