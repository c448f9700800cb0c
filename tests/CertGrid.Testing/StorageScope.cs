using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace CertGrid.Testing;

/// <summary>
/// A private slice of the test storage account: every table and container CertGrid creates carries a random
/// name prefix, so test classes never see each other's data. Disposing deletes the slice.
/// </summary>
public sealed class StorageScope : IAsyncDisposable
{
    public StorageScope()
    {
        NamePrefix = "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
    }

    public string NamePrefix { get; }

    public static string ConnectionString => TestEnvironment.StorageConnectionString;

    /// <summary>Configuration keys that point CertGrid at this slice.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:AzureStorage", ConnectionString),
        new("Storage:NamePrefix", NamePrefix),
        new("Storage:RequestTimeout", "00:00:10"),
    ];

    public async ValueTask DisposeAsync()
    {
        try
        {
            var tables = new TableServiceClient(ConnectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(NamePrefix) >= 0 && t.Name.CompareTo(NamePrefix + "~") < 0))
            {
                await tables.DeleteTableAsync(table.Name);
            }

            var blobs = new BlobServiceClient(ConnectionString);
            await foreach (var container in blobs.GetBlobContainersAsync(prefix: NamePrefix))
            {
                await blobs.DeleteBlobContainerAsync(container.Name);
            }
        }
        catch (Azure.RequestFailedException)
        {
            // Cleanup is best effort: a test run's data is in a throw-away Azurite folder anyway.
        }
    }
}
