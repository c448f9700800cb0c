using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Grains.Storage;

namespace CertGrid.Benchmarks.Import;

/// <summary>
/// The floor under an import: Azure Table inserts of a learner-sized entity (name, email, organisation, enrolment time:
/// the learners read model's row), on the same Azurite through the same storage client, as many in flight as the import
/// enrols at once, each a new row, until every person is inserted or the time limit.
/// </summary>
public static class RawInsertBaseline
{
    public sealed record Result(int Concurrency, long Inserts, double Seconds, double PerSecond);

    public static async Task<Result> RunAsync(StorageClients storage, IReadOnlyList<(string Name, string Email, string Organisation)> people, int concurrency, TimeSpan limit)
    {
        var table = storage.Table(storage.Options.NamePrefix + "RawInserts");
        await table.CreateIfNotExistsAsync();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < people.Count && clock.Elapsed < limit)
            {
                var person = people[i];
                await table.AddEntityAsync(new TableEntity("import", $"lrn_{i:D10}")
                {
                    ["Name"] = person.Name, ["Email"] = person.Email, ["Organisation"] = person.Organisation, ["EnrolledAt"] = DateTimeOffset.UtcNow,
                });
            }
        });
        await Task.WhenAll(workers);
        var inserts = Math.Min(next, people.Count);
        return new Result(concurrency, inserts, clock.Elapsed.TotalSeconds, inserts / clock.Elapsed.TotalSeconds);
    }
}
