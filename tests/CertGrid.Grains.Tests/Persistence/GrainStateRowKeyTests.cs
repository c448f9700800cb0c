using Azure.Data.Tables;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Storage;
using CertGrid.Grains.Tests.Renewals;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>Grains of one type store their state under different row keys (Azurite scans every row that shares one), and a grain always under the same.</summary>
[Collection(RenewalsGroup.Name)]
public sealed class GrainStateRowKeyTests(RenewalsFixture fixture)
{
    [Fact]
    public async Task Each_grain_state_row_is_keyed_by_its_state_name_and_the_grains_own_hash()
    {
        var scenario = await RenewalScenario.CreateAsync(fixture.Cluster, RenewalScenario.Policy());
        var firstDay = DeadlineDay.Today(scenario.Clock.GetUtcNow()).AddDays(400);
        var buckets = Enumerable.Range(0, 24).Select(d => scenario.Bucket(firstDay.AddDays(d))).ToList();
        foreach (var bucket in buckets)
        {
            // A bulk registration stores the page whole (a single one stores only its change, under another state name).
            await bucket.AddManyAsync([EntityId.New(IdPrefixes.Credential)]);
        }

        var table = fixture.Cluster.StorageClients.Table(fixture.Cluster.StorageClients.Names.GrainStateTable);
        var rowKeys = new HashSet<string>();
        foreach (var bucket in buckets)
        {
            var rowKey = SpreadRowKeyGrainStorage.RowKey("renewal-bucket", bucket.GetGrainId());
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {rowKey}")))
            {
                rows.Add(row);
            }

            // The partition key is Orleans' own: the service and the grain id, '/' made '_'.
            var key = ScopedKey.Parse(bucket.GetPrimaryKeyString());
            var stored = Assert.Single(rows, r => r.PartitionKey.Contains(key.Community, StringComparison.Ordinal) && r.PartitionKey.EndsWith(key.Id, StringComparison.Ordinal));
            Assert.Matches("^renewal-bucket\\.[0-9a-f]{4}$", stored.RowKey);
            rowKeys.Add(stored.RowKey);
        }

        // 24 grains over 65,536 row keys: two sharing one is possible (p < 0.5 %), most sharing one is not.
        Assert.True(rowKeys.Count >= 20, $"{rowKeys.Count} row keys for 24 grains");
    }

    [Fact]
    public void A_grains_row_key_never_changes_and_grains_of_a_type_spread_over_many()
    {
        // Pinned: the row key of stored state must not move between versions, or stored grains would start empty.
        var grain = GrainId.Create("renewal", "acme/cred_0000000000000000000001");
        Assert.Equal("renewal.3dc2", SpreadRowKeyGrainStorage.RowKey("renewal", grain));
        Assert.Equal("renewal", SpreadRowKeyGrainStorage.StateName("renewal.3dc2"));

        var spread = Enumerable.Range(0, 10_000)
            .Select(i => SpreadRowKeyGrainStorage.RowKey("renewal", GrainId.Create("renewal", $"acme/cred_{i:D26}")))
            .GroupBy(key => key)
            .Max(g => g.Count());
        Assert.True(spread <= 4, $"{spread} of 10,000 grains share one row key");
    }
}
