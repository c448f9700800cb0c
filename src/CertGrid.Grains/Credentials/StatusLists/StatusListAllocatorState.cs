using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Credentials.StatusLists;

[GenerateSerializer, Alias("certgrid.state.status-list-allocator")]
public sealed class StatusListAllocatorState : DurableState
{
    [Id(0)] public int CurrentList { get; set; } = 1;
}
