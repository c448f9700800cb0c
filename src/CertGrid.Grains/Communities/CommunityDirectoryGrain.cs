using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Communities;

/// <summary>Lists communities from the communities read model.</summary>
[StatelessWorker]
public sealed class CommunityDirectoryGrain(StorageClients storage) : Grain, ICommunityDirectoryGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.CommunitiesTable);

    public Task<Page<CommunityInfo>> ListAsync(PageRequest page) =>
        _table.PageAsync<CommunityRow, CommunityInfo>(CommunityRow.Partition, string.Empty, page, row => row.ToInfo());
}
