using System.Diagnostics;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Benchmarks.Renewals;

/// <summary>
/// Phase 3: one reminder per credential, at a few smaller scales in the same run. For each point, N renewal grains
/// are tracked with a deadline on their own day; then each credential registers its own reminder, all due at the
/// same instant; when a reminder fires, its grain does the same work (advances the renewal). Measured: registration
/// time, reminder rows and bytes, heap growth, and the time from the due instant until all N renewals have advanced, and the ticks that failed.
/// </summary>
public static class ReminderBaseline
{
    public sealed record Point(
        int Credentials, TimeSpan RegistrationTime, long ReminderRows, long ReminderBytes, long HeapBytesActive, long HeapBytesIdle, TimeSpan ReminderScanTime,
        TimeSpan ProcessingTime, int Advanced, int AdvanceFailed, int CleanupFailed, TimeSpan WaitLimit, bool DueBeforeRegistered)
    {
        public bool Finished => Advanced >= Credentials;
    }

    public static async Task<IReadOnlyList<Point>> RunAsync(BenchmarkSilo silo, IReadOnlyList<BenchmarkCommunity> communities, DateOnly afterDay, IReadOnlyList<int> sizes, TimeSpan waitLimit)
    {
        var points = new List<Point>();
        var day = afterDay;
        foreach (var size in sizes)
        {
            day = day.AddDays(1);
            var expiresAt = DeadlineDay.StartOf(day).AddDays(BenchmarkCommunity.WindowDays);
            var now = silo.Clock.GetUtcNow();
            Console.WriteLine($"  baseline with {size:N0} reminders: tracking the renewals ...");
            var keys = Enumerable.Range(0, size).Select(i => new ScopedKey(communities[i % communities.Count].Id, EntityId.New(IdPrefixes.Credential)).ToString()).ToList();
            await Throttle.RunAsync(keys.Select((key, i) => (key, i)), 128, k => silo.Grains.GetGrain<IRenewalGrain>(k.key)
                .TrackAsync(new TrackCredential(EntityId.New(IdPrefixes.Learner), communities[k.i % communities.Count].DefinitionId, "Operations", EntityId.New(IdPrefixes.Attempt), now, expiresAt, null)));

            // The domain clock moves first, so every reminder that fires finds its renewal due.
            silo.Clock.SetUtcNow(DeadlineDay.StartOf(day).AddMinutes(1));
            var rowsBefore = await StorageMeter.RemindersAsync(silo.Storage);
            var heapBefore = await ScaleRegistration.IdleHeapAsync(silo);
            BaselineDeadlineGrain.Reset();
            // Registration ran at 1,000-2,500 reminders/s here (250/s before storage connections were bounded); 5 ms each
            // leaves it time to end before the due instant.
            var dueAt = DateTime.UtcNow + TimeSpan.FromMilliseconds(20_000 + (size * 5));
            Console.WriteLine($"  baseline with {size:N0} reminders: registering (due at {dueAt:HH:mm:ss} UTC) ...");
            var registration = Stopwatch.StartNew();
            var registeredCount = 0;
            using (Progress(() => $"{Volatile.Read(ref registeredCount):N0} registered, {BaselineDeadlineGrain.Advanced:N0} advanced"))
            {
                await Throttle.RunAsync(keys, 128, async key =>
                {
                    await silo.Grains.GetGrain<IBaselineDeadlineGrain>(key).ScheduleAsync(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, (dueAt - DateTime.UtcNow).Ticks)));
                    Interlocked.Increment(ref registeredCount);
                });
            }

            registration.Stop();
            var registered = DateTime.UtcNow;
            var heapActive = ScaleRegistration.Heap() - heapBefore;
            var heapIdle = await ScaleRegistration.IdleHeapAsync(silo) - heapBefore;
            var scan = Stopwatch.StartNew();
            var rows = await StorageMeter.RemindersAsync(silo.Storage);
            scan.Stop();
            var late = registered > dueAt;
            var deadline = (late ? registered : dueAt) + waitLimit;
            using (Progress(() => $"{BaselineDeadlineGrain.Advanced:N0} of {size:N0} advanced; ticks failed: {BaselineDeadlineGrain.AdvanceFailed:N0} before advancing, {BaselineDeadlineGrain.CleanupFailed:N0} removing their reminder"))
            {
                while (BaselineDeadlineGrain.Advanced < size && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }

            var processing = DateTime.UtcNow - (late ? registered : dueAt);
            var (advanced, advanceFailed, cleanupFailed) = (BaselineDeadlineGrain.Advanced, BaselineDeadlineGrain.AdvanceFailed, BaselineDeadlineGrain.CleanupFailed);
            Console.WriteLine($"    registered in {registration.Elapsed.TotalSeconds:0.0} s; {advanced:N0} of {size:N0} advanced {processing.TotalSeconds:0.0} s after the due instant; ticks failed: {advanceFailed:N0} before advancing, {cleanupFailed:N0} removing their reminder");
            points.Add(new Point(size, registration.Elapsed, rows.Count - rowsBefore.Count, rows.Bytes - rowsBefore.Bytes, heapActive, heapIdle, scan.Elapsed,
                processing, advanced, advanceFailed, cleanupFailed, waitLimit, late));
        }

        return points;
    }

    /// <summary>Prints a progress line every 30 seconds until disposed.</summary>
    private static Timer Progress(Func<string> line) =>
        new(_ => Console.WriteLine($"    {DateTime.UtcNow:HH:mm:ss} {line()}"), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
}
