using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CertGrid.Testing;
using StackExchange.Redis;

namespace CertGrid.Api.Tests.Privacy;

/// <summary>
/// Reads EVERY table and blob container in the test storage account and every Redis key, and reports where any of the
/// given pieces of text (or byte sequences) appear. Binary values (grain state) are searched as bytes and as UTF-8.
/// Tables and containers other tests delete while the sweep runs are skipped.
/// </summary>
public sealed class PersonalDataSweep(IReadOnlyList<string> texts, IReadOnlyList<byte[]> bytes)
{
    private readonly List<byte[]> _needles = [.. texts.Select(Encoding.UTF8.GetBytes), .. bytes];

    public async Task<IReadOnlyList<string>> FindAsync()
    {
        var found = new List<string>();
        await SweepTablesAsync(found);
        await SweepBlobsAsync(found);
        await SweepRedisAsync(found);
        return found;
    }

    private async Task SweepTablesAsync(List<string> found)
    {
        var service = new TableServiceClient(TestEnvironment.StorageConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            try
            {
                await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
                {
                    foreach (var (property, value) in entity)
                    {
                        var data = value switch
                        {
                            string text => Encoding.UTF8.GetBytes(text),
                            byte[] binary => binary,
                            BinaryData binary => binary.ToArray(),
                            _ => null,
                        };
                        Check(data, $"table {table.Name} row {entity.PartitionKey}/{entity.RowKey} property {property}", found);
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted by another test while we read it.
            }
        }
    }

    private async Task SweepBlobsAsync(List<string> found)
    {
        var service = new BlobServiceClient(TestEnvironment.StorageConnectionString);
        await foreach (var container in service.GetBlobContainersAsync())
        {
            var client = service.GetBlobContainerClient(container.Name);
            try
            {
                await foreach (var blob in client.GetBlobsAsync())
                {
                    Check(blob.Name, $"blob name {container.Name}/{blob.Name}", found);
                    var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                    Check(content.Value.Content.ToArray(), $"blob {container.Name}/{blob.Name}", found);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted by another test while we read it.
            }
        }
    }

    private async Task SweepRedisAsync(List<string> found)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis + ",allowAdmin=true");
        var database = redis.GetDatabase();
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: "*"))
            {
                var where = $"redis key {key}";
                Check((byte[]?)key, where, found);
                var values = await database.KeyTypeAsync(key) switch
                {
                    RedisType.String => [await database.StringGetAsync(key)],
                    RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                    RedisType.List => await database.ListRangeAsync(key),
                    RedisType.Set => await database.SetMembersAsync(key),
                    RedisType.SortedSet => await database.SortedSetRangeByRankAsync(key),
                    RedisType.Stream => (await database.StreamRangeAsync(key)).SelectMany(e => e.Values).SelectMany(v => new[] { v.Name, v.Value }).ToArray(),
                    _ => [],
                };
                foreach (var value in values)
                {
                    Check((byte[]?)value, where, found);
                }
            }
        }
    }

    private void Check(string text, string where, List<string> found) => Check(Encoding.UTF8.GetBytes(text), where, found);

    private void Check(byte[]? data, string where, List<string> found)
    {
        if (data is null || data.Length == 0)
        {
            return;
        }

        foreach (var needle in _needles)
        {
            if (data.AsSpan().IndexOf(needle) >= 0)
            {
                found.Add($"{where} holds '{Describe(needle)}'");
            }
        }
    }

    private static string Describe(byte[] needle) => Encoding.UTF8.GetString(needle, 0, Math.Min(needle.Length, 40));
}
