using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.HostileInput;

/// <summary>
/// What a cluster has stored in its tables (grain state, read models, the audit chain): every row's keys and a hash of
/// its properties. Orleans' own membership and reminder tables, which change by themselves, are left out; so are the
/// timestamp and ETag, so a row written again with the same content counts as unchanged.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, string> Rows)
{
    public static async Task<StoreSnapshot> TakeAsync(string namePrefix)
    {
        var service = new TableServiceClient(TestEnvironment.StorageConnectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(namePrefix) >= 0 && t.Name.CompareTo(namePrefix + "~") < 0))
        {
            if (table.Name.EndsWith("Reminders", StringComparison.Ordinal) || table.Name.EndsWith("Cluster", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var content = string.Join('\n', entity.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={(entity[k] is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture))}"));
                rows[$"{table.Name}/{entity.PartitionKey}/{entity.RowKey}"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            }
        }

        return new StoreSnapshot(rows);
    }

    /// <summary>Rows added, removed or changed since <paramref name="before"/>.</summary>
    public IReadOnlyList<string> ChangesSince(StoreSnapshot before) =>
        Rows.Keys.Union(before.Rows.Keys).Where(k => Rows.GetValueOrDefault(k) != before.Rows.GetValueOrDefault(k)).Order(StringComparer.Ordinal).ToList();
}
