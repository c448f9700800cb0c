using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace CertGrid.Grains.Storage;

/// <summary>
/// The Azure Table and Blob clients, built once from <see cref="StorageOptions"/> with short timeouts and few
/// retries, so an unreachable account fails fast instead of hanging, and with a bounded number of connections per
/// storage endpoint: a burst of grain activations (say 100,000 reminders due at once) then waits in the client for a
/// free connection instead of opening a socket per request until the process runs out of file handles (it did, in
/// the renewal benchmark's baseline; docs/benchmarks-renewals.md).
/// </summary>
public sealed class StorageClients
{
    /// <param name="observer">A pipeline policy that sees every request sent (each retry too), e.g. a benchmark's request meter.</param>
    public StorageClients(StorageOptions options, HttpPipelinePolicy? observer = null)
    {
        Options = options;
        Names = new StorageNames(options.NamePrefix);
        var transport = BoundedTransport(options.MaxConnectionsPerEndpoint);
        var tableOptions = new TableClientOptions { Transport = transport };
        var blobOptions = new BlobClientOptions { Transport = transport };
        Configure(tableOptions.Retry, options);
        Configure(blobOptions.Retry, options);
        tableOptions.AddPolicy(new StorageMetrics("table"), HttpPipelinePosition.PerRetry);
        blobOptions.AddPolicy(new StorageMetrics("blob"), HttpPipelinePosition.PerRetry);
        if (observer is not null)
        {
            tableOptions.AddPolicy(observer, HttpPipelinePosition.PerRetry);
            blobOptions.AddPolicy(observer, HttpPipelinePosition.PerRetry);
        }

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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReadModelTable> _readModels = new(StringComparer.Ordinal);

    public StorageOptions Options { get; }

    public StorageNames Names { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>A read-model table; its upserts are shared by the silo's writers (<see cref="RowUpserts"/>).</summary>
    public ReadModelTable ReadModel(string name) => _readModels.GetOrAdd(name, n =>
    {
        var table = Table(n);
        return new ReadModelTable(table, new RowUpserts(table));
    });

    /// <summary>One connection pool for both services, as the SDK's default transport has, but bounded.</summary>
    private static HttpClientTransport BoundedTransport(int maxConnectionsPerEndpoint) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnectionsPerEndpoint,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.MaxRetries = options.MaxRetries;
        retry.NetworkTimeout = options.RequestTimeout;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.Mode = RetryMode.Exponential;
    }
}
