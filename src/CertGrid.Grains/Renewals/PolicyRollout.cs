using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Grains.Credentials;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// Re-applies a definition's changed lifespan policy to every credential issued from it (found in the credentials
/// read model): each moves its own deadline, and starts being tracked if it was not. Idempotent, so an interrupted
/// rollout simply runs again.
/// </summary>
public static class PolicyRollout
{
    public static async Task<int> RunAsync(IGrainFactory grains, StorageClients storage, string community, string definitionId, int parallelism)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {community} and RowKey ge {CredentialRow.AllPrefix} and RowKey lt {"c}"} and DefinitionId eq {definitionId}");
        var ids = new List<string>();
        await foreach (var row in storage.Table(storage.Names.CredentialsTable).QueryAsync<CredentialRow>(filter, maxPerPage: 1000))
        {
            if (row.ValidUntil is not null)
            {
                ids.Add(row.CredentialId);
            }
        }

        foreach (var chunk in ids.Chunk(parallelism))
        {
            await Task.WhenAll(chunk.Select(id => grains.Renewal(community, id).RescheduleAsync()));
        }

        return ids.Count;
    }
}
