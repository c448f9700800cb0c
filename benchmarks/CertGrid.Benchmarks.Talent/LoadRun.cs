using System.Diagnostics;

namespace CertGrid.Benchmarks.Talent;

/// <summary>
/// Two ways to load a scenario. Closed loop (<see cref="MeasureAsync"/>): <c>connections</c> callers each send the next
/// request when the last one answered, which finds the most the server answers per second; its latencies are mostly the
/// time a request queues behind the others at saturation (Little's law: connections / throughput). Open loop
/// (<see cref="MeasureAtRateAsync"/>): requests sent on a fixed schedule whatever the answers, each latency counted from
/// the moment its request was due (so a stalled server cannot hide its backlog), which is how latency at a given load is
/// measured.
/// </summary>
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
        return Summarise(scenario, latencies.SelectMany(l => l), elapsed);
    }

    /// <summary>Sends <paramref name="perSecond"/> requests a second for <paramref name="duration"/>, each due at its own instant.</summary>
    public static async Task<Result> MeasureAtRateAsync(string scenario, double perSecond, TimeSpan duration, Func<int, Task> request)
    {
        var count = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[count];
        var stopwatch = Stopwatch.StartNew();
        var sent = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > stopwatch.Elapsed)
            {
                await Task.Delay(due - stopwatch.Elapsed);
            }

            var index = i;
            sent.Add(Task.Run(async () =>
            {
                await request(index);
                latencies[index] = (stopwatch.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(sent);
        return Summarise(scenario, latencies, stopwatch.Elapsed.TotalSeconds);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static Result Summarise(string scenario, IEnumerable<double> latencies, double elapsedSeconds)
    {
        var all = latencies.Order().ToList();
        return new Result(scenario, all.Count, all.Count / elapsedSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all[^1]);
    }
}
