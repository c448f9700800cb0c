using CertGrid.Abstractions.Notices;
using CertGrid.Abstractions.Paging;
using CertGrid.Domain.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices;

/// <summary>Reads notices and dead letters from the notices table.</summary>
[StatelessWorker]
public sealed class NoticeIndexGrain(StorageClients storage) : Grain, INoticeIndexGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.NoticesTable);

    private string Community => this.GetPrimaryKeyString();

    public Task<Page<Notice>> ListForLearnerAsync(string learnerId, PageRequest page) =>
        _table.PageAsync<NoticeRow, Notice>(Community, NoticeRow.LearnerPrefix(learnerId), page, row => row.ToNotice());

    public Task<Page<DeadLetter>> ListDeadLettersAsync(PageRequest page) =>
        _table.PageAsync<OutboxRow, DeadLetter>(Community, OutboxRow.DeadPrefix, page, row => row.ToDeadLetter());
}
