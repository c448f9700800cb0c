using System.Text;
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

    /// <summary>The bytes of one grain's stored row (0 when it never wrote it).</summary>
    public static async Task<long> RowBytesAsync(GrainCluster cluster, string stateName, GrainId grainId)
    {
        var row = await RowAsync(cluster, stateName, grainId);
        return row?.Select(p => p.Value).Sum(v => v is byte[] bytes ? bytes.LongLength : v?.ToString()?.Length ?? 0) ?? 0;
    }

    /// <summary>Whether one grain's stored row holds this text (UTF-8) anywhere.</summary>
    public static async Task<bool> RowHoldsAsync(GrainCluster cluster, string stateName, GrainId grainId, string text)
    {
        var row = await RowAsync(cluster, stateName, grainId);
        var needle = Encoding.UTF8.GetBytes(text);
        return row is not null && row.Select(p => p.Value).OfType<byte[]>().Any(bytes => bytes.AsSpan().IndexOf(needle) >= 0);
    }

    /// <summary>The blob of one grain's state kept in the blob grain storage (<see cref="StorageNames.BlobGrainStore"/>).</summary>
    public static async Task<byte[]> BlobAsync(GrainCluster cluster, string stateName, GrainId grainId)
    {
        var container = cluster.StorageClients.Blobs.GetBlobContainerClient(cluster.StorageClients.Names.GrainBlobsContainer);
        var key = grainId.Key.ToString()!;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, stateName + "-", CancellationToken.None))
        {
            if (blob.Name.Contains(key, StringComparison.Ordinal))
            {
                return (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            }
        }

        throw new Xunit.Sdk.XunitException($"No {stateName} blob of {grainId} in {container.Name}.");
    }

    /// <summary>
    /// Reads a grain's stored state, changes it and writes it back under its ETag through a silo's own grain storage, as
    /// another activation of the grain would; an activation serving calls meanwhile keeps its older copy.
    /// </summary>
    public static async Task ChangeAsync<T>(GrainCluster cluster, string stateName, GrainId grainId, Action<T> change)
    {
        var silo = (InProcessSiloHandle)cluster.Cluster.Primary!;
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);
        var stored = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grainId, stored);
        Assert.True(stored.RecordExists, $"{grainId} has no stored {stateName} state to change");
        change(stored.State!);
        await storage.WriteStateAsync(stateName, grainId, stored);
    }

    /// <summary>Writes a grain's state the way a silo does; the grain must not be active.</summary>
    public static Task WriteAsync<T>(GrainCluster cluster, string stateName, GrainId grainId, T state)
    {
        var silo = (InProcessSiloHandle)cluster.Cluster.Primary!;
        var storage = silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);
        return storage.WriteStateAsync(stateName, grainId, new GrainState<T>(state));
    }
}
