using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>
/// Phase 2: the day with every real renewal due. The clock moves to just after midnight of that day and every
/// community's sweep runs at once (as their reminders would): each renewal reaches its window opening, stores it,
/// publishes its notice to the outbox and registers its next deadline. A sweep longer than the silo's response
/// timeout keeps running in its grain; the day then counts as done when every due renewal's notice is stored.
/// </summary>
public static class DayProcessing
{
    public sealed record Result(int Advanced, int Deferred, TimeSpan Elapsed, long NoticesStored);

    public static async Task<Result> RunAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly day, int due)
    {
        silo.Clock.SetUtcNow(DeadlineDay.StartOf(day).AddMinutes(1));
        Console.WriteLine($"  processing {day:yyyy-MM-dd} in {communities.Count} communities ...");
        var watch = Stopwatch.StartNew();
        var sweeps = Task.WhenAll(communities.Select(c => silo.Grains.GetGrain<IRenewalSchedulerGrain>(c.Id).SweepAsync()));
        try
        {
            var reports = await sweeps;
            watch.Stop();
            Console.WriteLine($"    {reports.Sum(r => r.CredentialsAdvanced):N0} advanced, {reports.Sum(r => r.CredentialsDeferred):N0} deferred in {watch.Elapsed.TotalSeconds:0.0} s");
            return new Result(reports.Sum(r => r.CredentialsAdvanced), reports.Sum(r => r.CredentialsDeferred), watch.Elapsed, await NoticesAsync(silo));
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"    a sweep outlasted the response timeout after {watch.Elapsed.TotalSeconds:0} s; counting stored notices until all {due:N0} are in ...");
        }

        long notices;
        while ((notices = await NoticesAsync(silo)) < due)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        watch.Stop();
        Console.WriteLine($"    {notices:N0} notices stored in {watch.Elapsed.TotalSeconds:0.0} s");
        return new Result((int)notices, 0, watch.Elapsed, notices);
    }

    private static async Task<long> NoticesAsync(BenchmarkSilo silo)
    {
        long notices = 0;
        var table = silo.Storage.Table(silo.Storage.Names.NoticesTable);
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey ge {"l|"} and RowKey lt {"l}"}"), maxPerPage: 1000, select: ["RowKey"]))
        {
            notices++;
        }

        return notices;
    }
}
