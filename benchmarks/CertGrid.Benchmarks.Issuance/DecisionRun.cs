using System.Collections.Concurrent;
using System.Diagnostics;
using Bogus;
using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Persistence;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// Records deciding reviews with a fixed number in flight and waits until every credential they issue is stored and
/// signed (a credential may be issued after the review answers). The rate is credentials stored and signed per second,
/// from the first review to the last credential.
/// </summary>
public static class DecisionRun
{
    /// <summary>Credentials issued, how long from the first decision to the last stored credential, and each review's latency.</summary>
    public sealed record Result(int Concurrency, int Issued, int Failed, double Seconds, double PerSecond, double P50Ms, double P99Ms, double MaxMs, IReadOnlyList<string> CredentialKeys)
    {
        /// <summary>CPU used from the first decision to the last stored credential by the benchmark's process (its silo) and by Azurite.</summary>
        public CpuMeter.Window? Cpu { get; init; }

        /// <summary>Storage requests per issuance with this many decisions in flight (until storage went quiet after the run), by what was touched.</summary>
        public IReadOnlyList<Touched> RequestsPerIssuance { get; init; } = [];
    }

    public static async Task<Result> RunAsync(IGrainFactory grains, IReadOnlyList<PreparedAttempt> attempts, int concurrency, string community, CpuMeter? cpu = null, RequestMeter? meter = null)
    {
        // The reviews are written before the clock starts: a Faker costs the driver more CPU than a decision costs the
        // silo's grains, and it would be counted as the silo's (same process) and take CPU from it and from Azurite.
        var decisions = attempts.Select(prepared => (Prepared: prepared,
            Review: IssuanceCommunity.PassingReview(new Faker { Random = new Randomizer(prepared.Seed) }, prepared.DecidingEvaluatorId))).ToList();
        // Marks left by earlier phases are cleared first; the run's own are cleared by a sweep counted with the run.
        await SweepEffectsAsync(grains, community, meter);
        var cpuWindow = cpu?.Start();
        var requestsBefore = meter?.Snapshot();
        var latencies = new ConcurrentBag<double>();
        var credentials = new ConcurrentBag<string>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(decisions, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (decision, _) =>
        {
            var (prepared, review) = decision;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var view = await grains.GetGrain<IAttemptGrain>(prepared.AttemptKey).SubmitReviewAsync(review);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (view.Status != AttemptStatus.Passed || view.CredentialId is null)
                {
                    throw new InvalidOperationException($"Attempt {prepared.AttemptKey} is {view.Status} after its deciding review.");
                }

                credentials.Add(new ScopedKey(community, view.CredentialId).ToString());
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref failed);
                Console.Error.WriteLine($"  decision failed: {ex.GetType().Name}: {ex.Message}");
            }
        });
        var keys = credentials.ToList();
        await WaitUntilSignedAsync(grains, keys, TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuUsed = cpuWindow?.Stop();
        var sorted = latencies.Order().ToList();
        await SweepEffectsAsync(grains, community, meter);
        var requests = meter is null || requestsBefore is null || keys.Count == 0 ? [] : await PerIssuanceAsync(meter, requestsBefore, keys.Count);
        return new Result(concurrency, keys.Count, failed, seconds, keys.Count / seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.LastOrDefault(), keys)
        {
            Cpu = cpuUsed,
            RequestsPerIssuance = requests,
        };
    }

    private static async Task<IReadOnlyList<Touched>> PerIssuanceAsync(RequestMeter meter, IReadOnlyDictionary<string, RequestMeter.Tally> before, int issued)
    {
        await IssuanceCost.WaitForQuietAsync(meter);
        return Touched.PerIssuance(RequestMeter.Difference(before, meter.Snapshot()), issued);
    }

    /// <summary>
    /// Runs the community's effect sweep once storage is quiet: it resumes every grain marked as having stored effects and
    /// removes the marks of those that settled. The sweeper does this every minute anyway; running it at fixed points puts
    /// its requests (marks removed, grains resumed) in the measurement they belong to, not in whichever one a tick hits.
    /// </summary>
    public static async Task SweepEffectsAsync(IGrainFactory grains, string community, RequestMeter? meter)
    {
        if (meter is not null)
        {
            await IssuanceCost.WaitForQuietAsync(meter);
        }

        await grains.GetGrain<IEffectSweeperGrain>(community).SweepAsync();
    }

    /// <summary>Polls until every credential is stored with its signed VC-JWT; throws when some are not within the limit.</summary>
    public static async Task WaitUntilSignedAsync(IGrainFactory grains, IReadOnlyList<string> credentialKeys, TimeSpan limit)
    {
        var pending = credentialKeys.ToList();
        var deadline = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            var signed = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, _) =>
            {
                if (await grains.GetGrain<ICredentialGrain>(key).FindAsync() is { Jwt.Length: > 0 })
                {
                    signed.Add(key);
                }
            });
            pending = pending.Except(signed).ToList();
            if (pending.Count > 0)
            {
                if (deadline.Elapsed > limit)
                {
                    throw new TimeoutException($"{pending.Count} credentials were not stored and signed within {limit}.");
                }

                await Task.Delay(50);
            }
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
