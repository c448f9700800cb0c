using Azure.Data.Tables;
using CertGrid.Grains.Storage;
using CertGrid.Testing;

namespace CertGrid.Benchmarks.Hosting;

/// <summary>
/// Counts and sizes table rows the way Azure bills them (<see cref="TableEntitySize"/>, shared with the tests).
/// </summary>
public static class StorageMeter
{
    /// <summary>Rows of one kind: how many, their total size, and the largest.</summary>
    public sealed record Rows(long Count, long Bytes, long Largest = 0);

    /// <summary>Grain-state rows by state name (the row key up to its hash suffix), e.g. "renewal-bucket", "renewal-scheduler", "renewal".</summary>
    public static async Task<Dictionary<string, Rows>> GrainStateAsync(StorageClients storage) =>
        await TallyAsync(storage.Table(storage.Names.GrainStateTable), row => SpreadRowKeyGrainStorage.StateName(row.RowKey));

    /// <summary>
    /// One community's grain-state rows by state name, split into the community's own grains (keyed by the community
    /// alone, e.g. its evaluator pool) and grains of its members (keyed by an id in it, e.g. a learner or a cohort).
    /// Orleans keys a state row by <c>{service}_{grain type}_{grain key}</c> with '/' made '_'.
    /// </summary>
    /// <param name="ownPartitions">Collects the partition keys of the community's own grains' rows, for
    /// <see cref="CommunityGrainStateAsync"/> to read them alone later.</param>
    public static async Task<Dictionary<string, Rows>> CommunityStateAsync(StorageClients storage, string community, ISet<string>? ownPartitions = null) =>
        await TallyAsync(storage.Table(storage.Names.GrainStateTable), row =>
        {
            if (row.PartitionKey.EndsWith("_" + community, StringComparison.Ordinal))
            {
                ownPartitions?.Add(row.PartitionKey);
                return "community " + SpreadRowKeyGrainStorage.StateName(row.RowKey);
            }

            return row.PartitionKey.Contains("_" + community + "_", StringComparison.Ordinal) ? "member " + SpreadRowKeyGrainStorage.StateName(row.RowKey) : "other";
        });

    /// <summary>
    /// The state rows of a community's own grains, read partition by partition (one query each) instead of scanning
    /// the whole table: at 100,000 learners the table holds hundreds of thousands of member rows, which Azurite pages
    /// through far too slowly to read back.
    /// </summary>
    public static async Task<Dictionary<string, Rows>> CommunityGrainStateAsync(StorageClients storage, IEnumerable<string> partitions)
    {
        var tallies = new Dictionary<string, Rows>();
        foreach (var partition in partitions)
        {
            var rows = await TallyAsync(storage.Table(storage.Names.GrainStateTable), row => "community " + SpreadRowKeyGrainStorage.StateName(row.RowKey),
                TableClient.CreateQueryFilter($"PartitionKey eq {partition}"));
            foreach (var (name, tally) in rows)
            {
                var sum = tallies.GetValueOrDefault(name, new Rows(0, 0));
                tallies[name] = new Rows(sum.Count + tally.Count, sum.Bytes + tally.Bytes, Math.Max(sum.Largest, tally.Largest));
            }
        }

        return tallies;
    }

    /// <summary>The rows of one community's partition in each table other than grain state and reminders (its read models and ledgers).</summary>
    public static async Task<Dictionary<string, Rows>> CommunityTablesAsync(StorageClients storage, string community)
    {
        var tallies = new Dictionary<string, Rows>();
        foreach (var name in storage.Names.ReadModelTables)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {community}");
            var rows = await TallyAsync(storage.Table(name), _ => "all", filter);
            tallies[name[storage.Options.NamePrefix.Length..]] = rows.GetValueOrDefault("all", new Rows(0, 0));
        }

        return tallies;
    }

    public static async Task<Rows> RemindersAsync(StorageClients storage) =>
        (await TallyAsync(storage.Table(storage.Names.RemindersTable), _ => "all")).GetValueOrDefault("all", new Rows(0, 0));

    private static async Task<Dictionary<string, Rows>> TallyAsync(TableClient table, Func<TableEntity, string> group, string? filter = null)
    {
        var tally = new Dictionary<string, (long Count, long Bytes, long Largest)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000))
        {
            var key = group(row);
            var (count, bytes, largest) = tally.GetValueOrDefault(key);
            var size = TableEntitySize.Of(row);
            tally[key] = (count + 1, bytes + size, Math.Max(largest, size));
        }

        return tally.ToDictionary(t => t.Key, t => new Rows(t.Value.Count, t.Value.Bytes, t.Value.Largest));
    }
}
