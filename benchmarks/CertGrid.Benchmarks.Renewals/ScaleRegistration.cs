using System.Diagnostics;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>
/// Phase 1: the tracked population. <c>due</c> real renewal grains (tracked exactly as an issued credential tracks
/// itself) whose renewal window opens on day D, spread over the communities; the rest of the deadlines registered
/// straight into the day buckets (as a backfill would), spread uniformly over the following days and communities.
/// </summary>
public static class ScaleRegistration
{
    /// <summary>Renewal grains tracked at the same time while the population is set up.</summary>
    public const int TrackingInFlight = 256;

    public sealed record Result(
        DateOnly Day, int RealTracked, TimeSpan TrackingTime, int SyntheticDeadlines, TimeSpan RegistrationTime, long HeapBytesActive, long HeapBytesIdle,
        StorageMeter.Rows Buckets, StorageMeter.Rows Schedulers, StorageMeter.Rows Renewals, StorageMeter.Rows Reminders, TimeSpan ReminderScanTime);

    public static async Task<Result> RunAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, BenchmarkOptions options)
    {
        var now = silo.Clock.GetUtcNow();
        var day = DeadlineDay.Today(now).AddDays(1);
        var expiresAt = DeadlineDay.StartOf(day).AddDays(BenchmarkCommunity.WindowDays);

        Console.WriteLine($"  tracking {options.DueOnOneDay:N0} renewals due on {day:yyyy-MM-dd} ...");
        var tracking = Stopwatch.StartNew();
        // Many in flight, as a busy issuing day has: concurrent registrations to one bucket share its writes (group commit).
        await Throttle.RunAsync(Enumerable.Range(0, options.DueOnOneDay), TrackingInFlight, i =>
        {
            var community = communities[i % communities.Count];
            return silo.Grains.Renewal(community.Id, EntityId.New(IdPrefixes.Credential))
                .TrackAsync(new TrackCredential(EntityId.New(IdPrefixes.Learner), community.DefinitionId, "Operations", EntityId.New(IdPrefixes.Attempt), now, expiresAt, null));
        });
        tracking.Stop();
        Console.WriteLine($"    tracked in {tracking.Elapsed.TotalSeconds:0.0} s");

        var synthetic = options.Credentials - options.DueOnOneDay;
        Console.WriteLine($"  registering {synthetic:N0} more deadlines over {options.Days - 1} days x {communities.Count} communities ...");
        var heapBefore = await IdleHeapAsync(silo);
        var registration = Stopwatch.StartNew();
        var random = new Random(5);
        var groups = Enumerable.Range(0, synthetic)
            .Select(_ => (Community: random.Next(communities.Count), Day: 1 + random.Next(options.Days - 1)))
            .GroupBy(g => g)
            .Select(g => (Bucket: Deadlines(silo, communities[g.Key.Community].Id, day.AddDays(g.Key.Day)), Count: g.Count()))
            .ToList();
        await Throttle.RunAsync(groups, 64, g => g.Bucket.AddManyAsync(Enumerable.Range(0, g.Count).Select(_ => EntityId.New(IdPrefixes.Credential)).ToList()));
        registration.Stop();
        Console.WriteLine($"    registered into {groups.Count:N0} buckets in {registration.Elapsed.TotalSeconds:0.0} s");
        var heapActive = Heap() - heapBefore;
        var heapIdle = await IdleHeapAsync(silo) - heapBefore;

        Console.WriteLine("  measuring storage ...");
        var state = await StorageMeter.GrainStateAsync(silo.Storage);
        var none = new StorageMeter.Rows(0, 0);
        var scan = Stopwatch.StartNew();
        var reminders = await StorageMeter.RemindersAsync(silo.Storage);
        scan.Stop();
        Console.WriteLine($"    {reminders.Count:N0} reminders; bucket rows {state.GetValueOrDefault("renewal-bucket", none)}; scheduler rows {state.GetValueOrDefault("renewal-scheduler", none)}");
        return new Result(day, options.DueOnOneDay, tracking.Elapsed, synthetic, registration.Elapsed, heapActive, heapIdle,
            state.GetValueOrDefault("renewal-bucket", none), state.GetValueOrDefault("renewal-scheduler", none), state.GetValueOrDefault("renewal", none),
            reminders, scan.Elapsed);
    }

    /// <summary>The heap once every idle grain is deactivated (what stays resident between deadlines).</summary>
    public static async Task<long> IdleHeapAsync(BenchmarkSilo silo)
    {
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Heap();
    }

    public static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static IRenewalBucketGrain Deadlines(BenchmarkSilo silo, string community, DateOnly day) =>
        silo.Grains.RenewalBucket(community, DeadlineDay.BucketId(day, 0));
}
