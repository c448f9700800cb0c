using CertGrid.Abstractions.Access;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Access;

/// <summary>Lists a community's API keys from the keys read model.</summary>
[StatelessWorker]
public sealed class ApiKeyDirectoryGrain(StorageClients storage) : Grain, IApiKeyDirectoryGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.ApiKeysTable);

    public Task<Page<ApiKeyInfo>> ListAsync(PageRequest page) =>
        _table.PageAsync<ApiKeyRow, ApiKeyInfo>(this.GetPrimaryKeyString(), string.Empty, page, row => row.ToInfo());
}
