using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>Allocates entries from the community's current list of a purpose, moving to a new list when it is full.</summary>
public sealed class StatusListAllocatorGrain(
    [PersistentState("statuslistallocator", StorageNames.GrainStore)] IPersistentState<StatusListAllocatorState> state)
    : DurableGrain<StatusListAllocatorState>(state), IStatusListAllocatorGrain
{
    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private StatusPurpose Purpose => StatusPurposes.TryParse(Key.Id, out var purpose) ? purpose : throw new InvalidOperationException($"Bad allocator key {Key}.");

    public Task<int> GetCurrentListAsync() => Task.FromResult(State.CurrentList);

    public async Task<StatusListEntry> AllocateAsync()
    {
        while (true)
        {
            var list = GrainFactory.GetGrain<IStatusListGrain>(StatusListKeys.Of(Community, Purpose, State.CurrentList));
            if (await list.AllocateAsync() is { } index)
            {
                return new StatusListEntry(Purpose, State.CurrentList, index);
            }

            State.CurrentList++;
            await SaveAsync(AuditEvent(Domain.Audit.Actors.System, "statuslist.opened", $"{Purpose.ToWireName()}/{State.CurrentList}",
                new { reason = "the previous list is full" }));
        }
    }
}
