using Azure;

namespace CertGrid.Grains.Storage;

/// <summary>
/// Checks, before the silo starts, that storage answers and that CertGrid's tables and containers exist.
/// With storage unreachable the process stops within seconds with a message that says what to fix,
/// instead of hanging in Orleans' own start-up retries.
/// </summary>
public static class StoragePreflight
{
    public static async Task EnsureReadyAsync(StorageClients clients, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var names = clients.Names;
        try
        {
            foreach (var table in names.ReadModelTables)
            {
                await clients.Tables.CreateTableIfNotExistsAsync(table, deadline.Token);
            }

            await clients.Blobs.GetBlobContainerClient(names.ArtifactsContainer).CreateIfNotExistsAsync(cancellationToken: deadline.Token);
            await clients.Blobs.GetBlobContainerClient(names.DataProtectionContainer).CreateIfNotExistsAsync(cancellationToken: deadline.Token);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or Azure.Identity.AuthenticationFailedException)
        {
            var where = clients.Options.ConnectionString is { } cs ? DescribeConnectionString(cs) : $"{clients.Options.TableServiceUri} / {clients.Options.BlobServiceUri}";
            throw new StorageUnavailableException(
                $"Azure Storage at {where} did not answer within {timeout.TotalSeconds:0} s ({ex.GetType().Name}: {FirstLine(ex.Message)}). " +
                "Start Azurite (./run.sh does) or fix ConnectionStrings:AzureStorage / Storage:TableServiceUri / Storage:BlobServiceUri.", ex);
        }
    }

    private static string DescribeConnectionString(string connectionString)
    {
        if (connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
        {
            return "the local emulator (127.0.0.1:10000-10002)";
        }

        var endpoints = connectionString.Split(';')
            .Where(p => p.StartsWith("TableEndpoint=", StringComparison.OrdinalIgnoreCase) || p.StartsWith("BlobEndpoint=", StringComparison.OrdinalIgnoreCase) || p.StartsWith("AccountName=", StringComparison.OrdinalIgnoreCase));
        return string.Join(", ", endpoints);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
