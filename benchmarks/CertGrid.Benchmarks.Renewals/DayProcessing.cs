using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>
/// Phase 2: the day with every real renewal due. The clock moves to just after midnight of that day and every
/// community's sweep runs at once (as their reminders would): each renewal reaches its window opening, stores it,
/// publishes its notice to the outbox and registers its next deadline.
/// </summary>
public static class DayProcessing
{
    public sealed record Result(int Advanced, int Deferred, TimeSpan Elapsed, long NoticesStored);

    public static async Task<Result> RunAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly day)
    {
        silo.Clock.SetUtcNow(DeadlineDay.StartOf(day).AddMinutes(1));
        Console.WriteLine($"  processing {day:yyyy-MM-dd} in {communities.Count} communities ...");
        var watch = Stopwatch.StartNew();
        var reports = await Task.WhenAll(communities.Select(c => silo.Grains.GetGrain<IRenewalSchedulerGrain>(c.Id).SweepAsync()));
        watch.Stop();
        Console.WriteLine($"    {reports.Sum(r => r.CredentialsAdvanced):N0} advanced, {reports.Sum(r => r.CredentialsDeferred):N0} deferred in {watch.Elapsed.TotalSeconds:0.0} s");

        long notices = 0;
        var table = silo.Storage.Table(silo.Storage.Names.NoticesTable);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"l|"} and RowKey lt {"l}"}"), maxPerPage: 1000, select: ["RowKey"]))
        {
            notices++;
        }

        return new Result(reports.Sum(r => r.CredentialsAdvanced), reports.Sum(r => r.CredentialsDeferred), watch.Elapsed, notices);
    }
}
