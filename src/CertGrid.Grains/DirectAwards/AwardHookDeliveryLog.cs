using Azure.Data.Tables;
using CertGrid.Domain.DirectAwards;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.DirectAwards;

/// <summary>
/// The award webhook deliveries a community accepted recently, so a captured delivery sent again is refused. A delivery is
/// remembered once its award is stored (a refused delivery leaves nothing), for as long as its signature could still pass
/// the timestamp check; expired rows are pruned a few at a time as new deliveries arrive.
/// </summary>
public sealed class AwardHookDeliveryLog(StorageClients storage)
{
    private const int PruneBatch = 20;

    private ReadModelTable Table => storage.ReadModel(storage.Names.AwardHookDeliveriesTable);

    public async Task<bool> AcceptedAsync(string community, string deliveryId, DateTimeOffset now) =>
        await Table.FindAsync<AwardHookDeliveryRow>(community, deliveryId) is { } row && row.ExpiresAt > now;

    public async Task RememberAsync(string community, string deliveryId, string credentialId, DateTimeOffset now)
    {
        await Table.UpsertAsync(new AwardHookDeliveryRow
        {
            PartitionKey = community, RowKey = deliveryId, CredentialId = credentialId, ExpiresAt = now + AwardHookRequest.RememberDeliveriesFor,
        });
        var expired = Table.Client.QueryAsync<AwardHookDeliveryRow>(
            TableClient.CreateQueryFilter($"PartitionKey eq {community} and ExpiresAt lt {now}"), maxPerPage: PruneBatch, select: ["PartitionKey", "RowKey"]);
        await foreach (var page in expired.AsPages())
        {
            foreach (var row in page.Values)
            {
                await Table.DeleteAsync(community, row.RowKey);
            }

            break;
        }
    }
}
