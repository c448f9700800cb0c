using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Storage;

/// <summary>Deleting rows only if they are still as read, many per request: a row that changed or went meanwhile is left alone.</summary>
public sealed class GuardedDeletesTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    [Fact]
    public async Task Rows_still_as_read_are_deleted_in_batches_and_one_that_changed_or_went_is_left_alone()
    {
        var table = fixture.Cluster.StorageClients.Table("guarded" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        for (var i = 0; i < 150; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i:D3}") { ["Value"] = i });
        }

        var read = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync();
        Assert.Equal(150, read.Count);

        // All as read: 150 rows go in two batches.
        Assert.Equal(150, await GuardedDeletes.DeleteAsync(table, read));
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync());

        for (var i = 0; i < 10; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"s{i}") { ["Value"] = i });
        }

        read = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "s3") { ["Value"] = 33 }, TableUpdateMode.Replace); // changed since read
        await table.DeleteEntityAsync("p", "s7"); // gone since read

        Assert.Equal(8, await GuardedDeletes.DeleteAsync(table, read));
        var left = Assert.Single(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").ToListAsync());
        Assert.Equal(("s3", 33), (left.RowKey, left.GetInt32("Value")));
        await table.DeleteAsync();
    }
}
