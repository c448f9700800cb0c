using System.Diagnostics;

namespace CertGrid.Benchmarks.Talent;

/// <summary>Closed-loop load: <c>connections</c> callers each send the next request when the last one answered, for a fixed time.</summary>
public static class LoadRun
{
    public sealed record Result(string Scenario, int Requests, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs);

    public static async Task<Result> MeasureAsync(string scenario, int connections, TimeSpan duration, Func<int, Task> request)
    {
        var latencies = new List<double>[connections];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var sequence = worker;
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await request(sequence);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                sequence += connections;
            }
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(scenario, all.Count, all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all[^1]);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
