using Azure;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertGrid.Server.Health;

/// <summary>
/// Ready when Azure Table storage answers: one row of the cluster membership table (which grain state, reminders and
/// read models share an account with). No answer within the check's timeout is unhealthy.
/// </summary>
public sealed class StorageHealthCheck(StorageClients storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var table = storage.Table(storage.Names.ClusterTable);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy($"table {table.Name} answered");
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy($"Azure Table storage refused: {ex.Status} {ex.ErrorCode}");
        }
    }
}
