using System.Diagnostics;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// What the throughput figures leave out: a grain that applied effects since its last write still lists them in
/// storage, and stores that they were applied when Orleans collects it as idle (<c>DurableGrain.OnDeactivateAsync</c>:
/// a small row, batched, since 2026-12-06; before, its whole state once more), minutes after the run. Every activation of the benchmark is collected at the end and the requests that causes are
/// counted, per credential issued in the process: the deferred share of what an issuance (with its submission) costs.
/// </summary>
public static class ForgettingWrites
{
    public sealed record Result(int Issued, double Seconds, IReadOnlyList<Touched> PerIssuance)
    {
        public double Requests => PerIssuance.Sum(t => t.Requests);

        public double Writes => PerIssuance.Sum(t => t.Writes);
    }

    public static async Task<Result> MeasureAsync(IGrainFactory grains, RequestMeter meter, int issued)
    {
        await IssuanceCost.WaitForQuietAsync(meter);
        var before = meter.Snapshot();
        var clock = Stopwatch.StartNew();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await IssuanceCost.WaitForQuietAsync(meter);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(issued, seconds, Touched.PerIssuance(RequestMeter.Difference(before, meter.Snapshot()), issued));
    }
}
