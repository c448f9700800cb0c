using Orleans.Storage;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Grain state in Orleans' Azure Table provider, under a row key that differs between grains of one type.
/// <para>
/// Orleans stores a grain's state at partition key = the grain, row key = the state name, so every grain of a type
/// shares one row key. Azure Table finds a row by both keys at once and does not care. Azurite, which CertGrid runs
/// on locally, in CI and in its benchmarks, does: it looks a row up through its row-key index and then scans every
/// row with that row key for the partition key: 29 ms per read or write at 200,000 rows of one state, growing with
/// the table (README, "Decisions worth knowing"; docs/benchmarks-renewals.md). The state name handed to the provider
/// therefore carries four hex digits of the grain's uniform hash (<c>renewal.3dc2</c>): a row key is shared by about
/// one grain in 65,536, and the lookup takes microseconds. Partition key, ETag concurrency and the serialized state
/// are the provider's own, unchanged.
/// </para>
/// </summary>
public sealed class SpreadRowKeyGrainStorage(IGrainStorage tableStorage) : IGrainStorage
{
    /// <summary>The name the wrapped Azure Table provider is registered under.</summary>
    public const string TableStorageName = StorageNames.GrainStore + "-table";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        tableStorage.ReadStateAsync(RowKey(stateName, grainId), grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        tableStorage.WriteStateAsync(RowKey(stateName, grainId), grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        tableStorage.ClearStateAsync(RowKey(stateName, grainId), grainId, grainState);

    /// <summary>The state name followed by the low 16 bits of the grain's uniform hash, which Orleans keeps stable (its reminder table stores it too).</summary>
    public static string RowKey(string stateName, GrainId grainId) =>
        $"{stateName}.{grainId.GetUniformHashCode() & 0xFFFF:x4}";

    /// <summary>The state name a row key was made from (the inverse of <see cref="RowKey"/>).</summary>
    public static string StateName(string rowKey) => rowKey[..rowKey.LastIndexOf('.')];
}
