using System.Diagnostics;
using Bogus;
using CertGrid.Abstractions.Assessments;

namespace CertGrid.Benchmarks.Issuance;

/// <summary>
/// The storage one issuance costs: deciding reviews are recorded one at a time, and for each the requests the silo
/// sends from the review until its credential is stored and signed, the effect sweep has removed the marks the decision
/// left and storage has gone quiet (so work that follows the answer is counted too) are taken from the <see cref="RequestMeter"/>.
/// </summary>
public static class IssuanceCost
{
    /// <summary>Quiet for this long after the credential is signed: whatever the decision set off has finished.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(750);

    /// <summary>
    /// The writes a stored signed credential depends on: the attempt's decision (with the credential's id and its issuance
    /// as an effect), the credential's own write, and the status-list block allocation (one ~230-byte row per 64
    /// credentials). Everything else the decision causes (audit, read models, learner, renewal, signals, marks) is eventual.
    /// </summary>
    public static readonly IReadOnlySet<string> CriticalPath = new HashSet<string>(StringComparer.Ordinal)
    {
        "state attempt", "state credential", "state statuslist-allocation",
    };

    /// <summary>Mean requests, writes and bytes per issuance, in total and by what was touched; PathWrites: those on <see cref="CriticalPath"/>.</summary>
    public sealed record Result(int Existing, int Decisions, double Requests, double Writes, double Bytes, IReadOnlyList<Touched> PerIssuance, double PathWrites = 0);

    public static async Task<Result> MeasureAsync(IGrainFactory grains, RequestMeter meter, IReadOnlyList<PreparedAttempt> attempts, string community, int existing)
    {
        var totals = new Dictionary<string, (long Requests, long Writes, long Bytes)>(StringComparer.Ordinal);
        foreach (var prepared in attempts)
        {
            await DecisionRun.SweepEffectsAsync(grains, community, meter);
            await WaitForQuietAsync(meter);
            var before = meter.Snapshot();
            var review = IssuanceCommunity.PassingReview(new Faker { Random = new Randomizer(prepared.Seed) }, prepared.DecidingEvaluatorId);
            var view = await grains.GetGrain<IAttemptGrain>(prepared.AttemptKey).SubmitReviewAsync(review);
            await DecisionRun.WaitUntilSignedAsync(grains, [new ScopedKey(community, view.CredentialId!).ToString()], TimeSpan.FromMinutes(2));
            await DecisionRun.SweepEffectsAsync(grains, community, meter);
            await WaitForQuietAsync(meter);
            foreach (var tally in RequestMeter.Difference(before, meter.Snapshot()))
            {
                var (requests, writes, bytes) = totals.GetValueOrDefault(tally.Label);
                totals[tally.Label] = (requests + tally.Requests, writes + tally.Writes, bytes + tally.Bytes);
            }
        }

        double n = attempts.Count;
        var perIssuance = Touched.PerIssuance(totals.Select(t => new RequestMeter.Tally(t.Key, t.Value.Requests, t.Value.Writes, t.Value.Bytes)), attempts.Count);
        var pathWrites = totals.Where(t => CriticalPath.Contains(t.Key)).Sum(t => t.Value.Writes) / n;
        return new Result(existing, attempts.Count, totals.Values.Sum(t => t.Requests) / n, totals.Values.Sum(t => t.Writes) / n, totals.Values.Sum(t => t.Bytes) / n, perIssuance, pathWrites);
    }

    public static async Task WaitForQuietAsync(RequestMeter meter)
    {
        var limit = Stopwatch.StartNew();
        var seen = meter.TotalRequests;
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < Quiet && limit.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            var now = meter.TotalRequests;
            if (now != seen)
            {
                (seen, quietSince) = (now, Stopwatch.StartNew());
            }
        }
    }
}
