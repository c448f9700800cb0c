using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>Lists a community's learners from the learners read model.</summary>
[StatelessWorker]
public sealed class LearnerDirectoryGrain(StorageClients storage) : Grain, ILearnerDirectoryGrain
{
    private readonly ReadModelTable _table = new(storage.Table(storage.Names.LearnersTable));

    public Task<Page<LearnerProfile>> ListAsync(PageRequest page) =>
        _table.PageAsync<LearnerRow, LearnerProfile>(this.GetPrimaryKeyString(), string.Empty, page, row => row.ToProfile());
}
