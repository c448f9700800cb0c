using CertGrid.Abstractions.Notices.Email;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices.Email;

/// <summary>Pages a community's bouncing learners from the notice-emails table.</summary>
[StatelessWorker]
public sealed class EmailBounceIndexGrain(StorageClients storage) : Grain, IEmailBounceIndexGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.NoticeEmailsTable);

    public Task<Page<EmailBounce>> ListAsync(PageRequest page) =>
        _table.PageAsync<EmailBounceRow, EmailBounce>(this.GetPrimaryKeyString(), EmailBounceRow.Prefix, page, row => row.ToBounce());
}
