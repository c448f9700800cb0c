using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Learners;

/// <summary>Lists a community's learners from the learners read model.</summary>
[StatelessWorker]
public sealed class LearnerDirectoryGrain(StorageClients storage) : Grain, ILearnerDirectoryGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.LearnersTable);

    public Task<Page<LearnerProfile>> ListAsync(PageRequest page) =>
        _table.PageAsync<LearnerRow, LearnerProfile>(this.GetPrimaryKeyString(), string.Empty, page, row => row.ToProfile());

    public async Task<IReadOnlyList<LearnerProfile>> FindByEmailAsync(string email)
    {
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {this.GetPrimaryKeyString()} and Email eq {email}");
        var found = new List<LearnerProfile>();
        await foreach (var row in _table.Client.QueryAsync<LearnerRow>(filter, maxPerPage: 10))
        {
            found.Add(row.ToProfile());
        }

        return found;
    }
}
