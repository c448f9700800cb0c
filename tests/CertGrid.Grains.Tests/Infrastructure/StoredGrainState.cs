using Azure.Data.Tables;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// Grain state as the silos store it: the row a grain's state lives in (to check what a grain wrote and how large it
/// is), and state of an older layout planted through a silo's own grain storage (to check a grain takes it over).
/// </summary>
public static class StoredGrainState
{
    /// <summary>The stored row of one grain's state, or null when the grain never wrote it.</summary>
    public static async Task<TableEntity?> RowAsync(GrainCluster cluster, string stateName, GrainId grainId)
    {
        var rowKey = SpreadRowKeyGrainStorage.RowKey(stateName, grainId);
        var key = grainId.Key.ToString()!.Replace('/', '_');
        var table = cluster.StorageClients.Table(cluster.StorageClients.Names.GrainStateTable);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {rowKey}")))
        {
            if (row.PartitionKey.EndsWith(key, StringComparison.Ordinal))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Writes a grain's state the way a silo does; the grain must not be active.</summary>
    public static Task WriteAsync<T>(GrainCluster cluster, string stateName, GrainId grainId, T state)
    {
        var silo = (InProcessSiloHandle)cluster.Cluster.Primary!;
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);
        return storage.WriteStateAsync(stateName, grainId, new GrainState<T>(state));
    }
}
