using CertGrid.Abstractions.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Credentials.StatusLists;

/// <summary>
/// Hands out entries of the community's current list of a purpose from a block of indexes reserved on it (one small
/// write per <see cref="StatusListOptions.AllocationBlock"/> credentials), moving to a new list when the current one has
/// no more to give. The block lives in memory only: indexes left in it when the activation ends are never used, so
/// none is ever handed out twice.
/// </summary>
public sealed class StatusListAllocatorGrain(
    [PersistentState("statuslistallocator", StorageNames.GrainStore)] IPersistentState<StatusListAllocatorState> state,
    IOptions<StatusListOptions> options)
    : DurableGrain<StatusListAllocatorState>(state), IStatusListAllocatorGrain
{
    private readonly Queue<int> _block = new();
    private int _blockList;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    private StatusPurpose Purpose => StatusPurposes.TryParse(Key.Id, out var purpose) ? purpose : throw new InvalidOperationException($"Bad allocator key {Key}.");

    public Task<int> GetCurrentListAsync() => Task.FromResult(State.CurrentList);

    public async Task<StatusListEntry> AllocateAsync()
    {
        while (true)
        {
            if (_blockList == State.CurrentList && _block.TryDequeue(out var index))
            {
                return new StatusListEntry(Purpose, State.CurrentList, index);
            }

            var list = GrainFactory.StatusList(Community, Purpose, State.CurrentList);
            var reserved = await list.ReserveAsync(options.Value.AllocationBlock);
            if (reserved.Count > 0)
            {
                _block.Clear();
                foreach (var reservedIndex in reserved)
                {
                    _block.Enqueue(reservedIndex);
                }

                _blockList = State.CurrentList;
                continue;
            }

            State.CurrentList++;
            await SaveAsync(AuditEvent(Domain.Audit.Actors.System, "statuslist.opened", $"{Purpose.ToWireName()}/{State.CurrentList}",
                new { reason = "the previous list has no index left to hand out (it is full, or was filled before indexes were handed out in blocks)" }));
        }
    }
}
