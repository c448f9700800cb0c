using CertGrid.Abstractions.Paging;
using CertGrid.Abstractions.Partners;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Partners;

/// <summary>Lists partner organisations and a community's grants from the partners table.</summary>
[StatelessWorker]
public sealed class PartnerDirectoryGrain(StorageClients storage) : Grain, IPartnerDirectoryGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.PartnersTable);

    public Task<Page<PartnerProfile>> ListPartnersAsync(PageRequest page) =>
        _table.PageAsync<PartnerRow, PartnerProfile>(PartnerGrain.Platform, string.Empty, page, row => row.ToProfile());

    public Task<Page<CommunityPartnerGrant>> ListGrantsAsync(string community, PageRequest page) =>
        _table.PageAsync<PartnerGrantRow, CommunityPartnerGrant>(community, PartnerGrantRow.Prefix, page, row => row.ToGrant());
}
