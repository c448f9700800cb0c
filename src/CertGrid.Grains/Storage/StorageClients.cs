using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace CertGrid.Grains.Storage;

/// <summary>
/// The Azure Table and Blob clients, built once from <see cref="StorageOptions"/> with short timeouts and few
/// retries, so an unreachable account fails fast instead of hanging.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        Options = options;
        Names = new StorageNames(options.NamePrefix);
        var tableOptions = new TableClientOptions();
        var blobOptions = new BlobClientOptions();
        Configure(tableOptions.Retry, options);
        Configure(blobOptions.Retry, options);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            });
            Tables = new TableServiceClient(options.TableServiceUri!, credential, tableOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri!, credential, blobOptions);
        }
    }

    public StorageOptions Options { get; }

    public StorageNames Names { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.MaxRetries = options.MaxRetries;
        retry.NetworkTimeout = options.RequestTimeout;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.Mode = RetryMode.Exponential;
    }
}
