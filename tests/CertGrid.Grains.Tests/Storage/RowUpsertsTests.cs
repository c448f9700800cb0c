using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Tests.Storage;

/// <summary>
/// Read-model upserts of many writers share table batches (on Azurite): what arrives while a request is in flight goes in
/// the next, each writer returns once its rows are stored, and a row the table rejects fails only its own writer.
/// </summary>
public sealed class RowUpsertsTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    /// <summary>Sees every request to one table: holds the first until released, and records whether each was a batch.</summary>
    private sealed class HeldRequests(string table) : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<bool> SentAsBatch { get; } = new();

        public void Release() => _released.TrySetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var path = message.Request.Uri.Path;
            var isBatch = path.EndsWith("$batch", StringComparison.Ordinal);
            if (isBatch || path.Contains(table, StringComparison.Ordinal))
            {
                SentAsBatch.Enqueue(isBatch);
                if (SentAsBatch.Count == 1)
                {
                    await _released.Task;
                }
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously.");
    }

    private async Task<(ReadModelTable Table, HeldRequests Requests)> NewTableAsync()
    {
        var name = "upserts" + Guid.NewGuid().ToString("N")[..8];
        var requests = new HeldRequests(name);
        var storage = new StorageClients(fixture.Cluster.StorageClients.Options, requests);
        await storage.Table(name).CreateAsync();
        requests.SentAsBatch.Clear();
        return (storage.ReadModel(name), requests);
    }

    private static TableEntity Row(string partition, string rowKey, object value) => new(partition, rowKey) { ["Value"] = value };

    private static async Task<Dictionary<string, string>> StoredAsync(ReadModelTable table, string partition) =>
        (await table.Client.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync())
            .ToDictionary(e => e.RowKey, e => e["Value"].ToString()!);

    [Fact]
    public async Task Writers_arriving_while_a_request_is_in_flight_share_the_next_batches_and_each_finds_its_rows_stored()
    {
        var (table, requests) = await NewTableAsync();

        var first = table.UpsertAsync(Row("c1", "first", "1"));
        await Eventually.HoldsAsync(() => Task.FromResult(requests.SentAsBatch.Count), n => n == 1, "the first row is sent at once");
        var writers = Enumerable.Range(0, 60)
            .Select(i => table.UpsertAsync([Row("c1", $"c|{i:D2}", $"v{i}"), Row("c1", $"l|{i:D2}", $"v{i}")]))
            .ToList();
        var otherCommunity = table.UpsertAsync(Row("c2", "x", "other"));
        Assert.All(writers, writer => Assert.False(writer.IsCompleted));
        requests.Release();
        await Task.WhenAll([first, otherCommunity, .. writers]);
        var sent = requests.SentAsBatch.ToArray();

        var stored = await StoredAsync(table, "c1");
        Assert.Equal(121, stored.Count);
        Assert.All(Enumerable.Range(0, 60), i => Assert.Equal(($"v{i}", $"v{i}"), (stored[$"c|{i:D2}"], stored[$"l|{i:D2}"])));
        Assert.Equal("other", Assert.Single(await StoredAsync(table, "c2")).Value);

        // The first row alone as a plain upsert; 60 writers of 2 rows in batches of at most 40 writers (2 requests, not
        // 60); the other community's lone row a plain upsert of its own, not waiting for c1's.
        Assert.False(sent[0]);
        Assert.Equal((4, 2), (sent.Length, sent.Count(isBatch => isBatch)));
    }

    [Fact]
    public async Task A_row_two_writers_bring_to_one_batch_is_stored_as_the_later_left_it()
    {
        var (table, requests) = await NewTableAsync();
        var first = table.UpsertAsync(Row("c1", "first", "1"));
        await Eventually.HoldsAsync(() => Task.FromResult(requests.SentAsBatch.Count), n => n == 1, "the first row is sent at once");
        var earlier = table.UpsertAsync([Row("c1", "shared", "earlier"), Row("c1", "a", "a")]);
        var later = table.UpsertAsync([Row("c1", "shared", "later"), Row("c1", "b", "b")]);
        requests.Release();
        await Task.WhenAll(first, earlier, later);
        var sent = requests.SentAsBatch.ToArray();

        var stored = await StoredAsync(table, "c1");
        Assert.Equal(("later", "a", "b"), (stored["shared"], stored["a"], stored["b"]));
        Assert.Equal([false, true], sent);
    }

    [Fact]
    public async Task A_row_the_table_rejects_fails_only_its_own_writer_and_the_others_rows_are_stored()
    {
        var (table, requests) = await NewTableAsync();
        var first = table.UpsertAsync(Row("c1", "first", "1"));
        await Eventually.HoldsAsync(() => Task.FromResult(requests.SentAsBatch.Count), n => n == 1, "the first row is sent at once");
        var before = table.UpsertAsync(Row("c1", "before", "b"));
        var tooLarge = table.UpsertAsync(Row("c1", "too-large", new string('x', 40_000))); // a string property holds at most 64 KiB
        var after = table.UpsertAsync([Row("c1", "after-1", "a1"), Row("c1", "after-2", "a2")]);
        requests.Release();
        await Task.WhenAll(first, before, after);

        var rejected = await Assert.ThrowsAsync<RequestFailedException>(() => tooLarge);
        Assert.InRange(rejected.Status, 400, 499);
        var stored = await StoredAsync(table, "c1");
        Assert.Equal(["after-1", "after-2", "before", "first"], stored.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Rows_written_together_must_share_a_partition_and_fit_one_batch()
    {
        var (table, requests) = await NewTableAsync();
        requests.Release(); // nothing to hold here
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertAsync([Row("c1", "a", "a"), Row("c2", "b", "b")]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertAsync(Enumerable.Range(0, 101).Select(i => (ITableEntity)Row("c1", $"r{i}", "v")).ToList()));
        Assert.Empty(await StoredAsync(table, "c1"));
    }
}
