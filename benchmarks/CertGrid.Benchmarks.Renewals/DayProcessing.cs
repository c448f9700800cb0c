using System.Diagnostics;
using Azure.Data.Tables;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>
/// Phase 2: the day with every real renewal due. The clock moves to just after midnight of that day and every
/// community's sweep runs at once (as their reminders would): each renewal reaches its window opening, stores it,
/// publishes its notice to the outbox and registers its next deadline. A sweep longer than the silo's response
/// timeout keeps running in its grain; the day then counts as done when no scheduler has it pending any more
/// (asked of the schedulers, which answer from memory, so waiting adds no load on storage), and what was deferred
/// is what the day added to the next day's buckets. The stored notices are counted once, at the end.
/// </summary>
public static class DayProcessing
{
    public sealed record Result(int Advanced, int Deferred, TimeSpan Elapsed, long NoticesStored);

    public static async Task<Result> RunAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly day, int due)
    {
        var nextDay = await NextDayDeadlinesAsync(silo, communities, day);
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
            Console.WriteLine($"    a sweep outlasted the response timeout after {watch.Elapsed.TotalSeconds:0} s; waiting until no community has the day pending ...");
        }

        // A sweep that stopped early (a call timed out) resumes at the community's next reminder tick; the benchmark
        // ticks every minute for the communities still pending (the default period is 5 minutes). A tick while a
        // sweep runs waits for it and then finds the day done.
        var ticked = Stopwatch.StartNew();
        while (await PendingAsync(silo, communities, day) is { Count: > 0 } pending)
        {
            if (ticked.Elapsed > TimeSpan.FromMinutes(1))
            {
                foreach (var community in pending)
                {
                    _ = silo.Grains.GetGrain<IRenewalSchedulerGrain>(community).SweepAsync().ContinueWith(t => t.Exception, TaskScheduler.Default);
                }

                ticked.Restart();
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        watch.Stop();
        var deferred = (int)(await NextDayDeadlinesAsync(silo, communities, day) - nextDay);
        var notices = await NoticesAsync(silo);
        Console.WriteLine($"    every community done in {watch.Elapsed.TotalSeconds:0.0} s: {due - deferred:N0} advanced, {deferred:N0} deferred, {notices:N0} notices stored");
        return new Result(due - deferred, deferred, watch.Elapsed, notices);
    }

    /// <summary>The communities that still have the day (or an earlier one) to process.</summary>
    private static async Task<List<string>> PendingAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly day)
    {
        var statuses = await Task.WhenAll(communities.Select(c => silo.Grains.GetGrain<IRenewalSchedulerGrain>(c.Id).GetStatusAsync()));
        return communities.Where((_, i) => statuses[i].PendingDays.Any(d => d <= day)).Select(c => c.Id).ToList();
    }

    /// <summary>Deadlines on the first page of each community's next-day bucket (where a renewal that could not advance is deferred to).</summary>
    private static async Task<long> NextDayDeadlinesAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly day)
    {
        var infos = await Task.WhenAll(communities.Select(c => silo.Grains.RenewalBucket(c.Id, DeadlineDay.BucketId(day.AddDays(1), 0)).DescribeAsync()));
        return infos.Sum(i => (long)i.Count);
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
