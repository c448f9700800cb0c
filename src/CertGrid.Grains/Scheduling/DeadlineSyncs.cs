using CertGrid.Abstractions.Scheduling;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Scheduling;

/// <summary>
/// How grains bring the community's deadline bucket in line (<see cref="SyncDeadlines"/>): the syncs this silo sends
/// while a call is in flight go out together in the next (<see cref="CallBatches{TItem}"/>), so under load one table
/// batch carries the deadlines of many decisions where each cost a write of its own. A grain's syncs keep their order
/// (its effects to the bucket run one after another), and the bucket applies a batch's syncs in order. A call the
/// bucket refuses is sent again one sync at a time; one storage failed fails every sync it carried, whose effects retry.
/// </summary>
public sealed class DeadlineSyncs(IGrainFactory grains)
{
    /// <summary>Syncs per call: a decision's sync touches two deadlines, a new panel's four, and a batch of the bucket's rows holds 100.</summary>
    private const int SyncsPerCall = 16;

    private readonly CallBatches<DeadlineSync> _batches = new(
        (community, syncs) => grains.GetGrain<IDeadlineBucketGrain>(community).SyncAllAsync(syncs), SyncsPerCall,
        isRefusal: ex => ex is CertGridException { Code: not ErrorCode.Unavailable });

    public Task SyncAsync(string community, DeadlineSync sync) => _batches.SendAsync(community, sync);
}
