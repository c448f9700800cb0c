using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Paging;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Credentials;

/// <summary>Lists credentials from the credentials read model.</summary>
[StatelessWorker]
public sealed class CredentialIndexGrain(StorageClients storage) : Grain, ICredentialIndexGrain
{
    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.CredentialsTable);

    private string Community => this.GetPrimaryKeyString();

    public Task<Page<CredentialSummary>> ListAsync(PageRequest page) =>
        _table.PageAsync<CredentialRow, CredentialSummary>(Community, CredentialRow.AllPrefix, page, row => row.ToSummary());

    public Task<Page<CredentialSummary>> ListSignedWithAsync(string keyId, PageRequest page) =>
        _table.PageAsync<CredentialRow, CredentialSummary>(Community, CredentialRow.AllPrefix, page, row => row.ToSummary(),
            Azure.Data.Tables.TableClient.CreateQueryFilter($"SigningKeyId eq {InputRules.RequireText(keyId, "signedWithKey", 100)}"));

    public Task<Page<CredentialSummary>> ListForLearnerAsync(string learnerId, PageRequest page) =>
        _table.PageAsync<CredentialRow, CredentialSummary>(Community, CredentialRow.LearnerPrefix(learnerId), page, row => row.ToSummary());
}
