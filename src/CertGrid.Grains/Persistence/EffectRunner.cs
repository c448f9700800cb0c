using CertGrid.Domain.Notices;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Applies a grain's pending effects: for each receiver in the order they were caused, receivers side by side. An
/// effect that fails is tried again after a backoff (about 250 ms, doubling to 5 min: a read-model refresh or an issuance that
/// failed with a dying silo is retried well within the 5 s read-model goal) and holds up the effects behind it for the
/// same receiver only (jittered). Only effects whose write completed are applied. Runs on the grain's scheduler (no locks).
/// </summary>
internal sealed class EffectRunner(IEffectHost host)
{
    /// <summary>
    /// An effect that failed this often is reported as stuck (logged as an error, counted, listed): about 16 s of
    /// retries (0.25 + 0.5 + 1 + 2 + 4 + 8 s, jittered), longer than a silo failover takes.
    /// </summary>
    public const int StuckAfterAttempts = 7;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a pass waits for another pass still applying effects to a receiver it has effects for (so a caller
    /// reads what its change caused), before it leaves them to that pass: the other pass may be waiting on a grain
    /// that is waiting on this call.
    /// </summary>
    private static readonly TimeSpan LongestWaitForBusyReceiver = TimeSpan.FromSeconds(1);

    /// <summary>When a failed effect (by sequence) may be tried again, on real time: retries are about infrastructure.</summary>
    private readonly Dictionary<long, DateTimeOffset> _retryAt = [];

    /// <summary>Receivers whose effects a pass is applying now: one pass per receiver, so their order holds.</summary>
    private readonly Dictionary<string, Task> _busy = [];

    /// <summary>The effects (by sequence) a pass is applying now.</summary>
    private readonly HashSet<long> _applying = [];

    /// <summary>Effects caused up to this sequence are stored; later ones wait for their write.</summary>
    public long StoredThrough { get; set; }

    /// <summary>Effects were applied since the state was last written, so the stored state still lists them.</summary>
    public bool AppliedSinceWrite { get; set; }

    /// <summary>When the earliest failed effect is due again; null when none is waiting.</summary>
    public DateTimeOffset? NextRetryAt => _retryAt.Count == 0 ? null : _retryAt.Values.Min();

    /// <summary>Makes every failed effect due now (its attempts still count, so a next failure waits longer).</summary>
    public void RetryNow() => _retryAt.Clear();

    /// <summary>A pass is applying this effect now, so changes stored after it started are not covered by it.</summary>
    public bool IsApplying(PendingEffect effect) => _applying.Contains(effect.Sequence);

    /// <summary>
    /// One pass over the stored pending effects, receivers side by side. Passes may overlap (an <c>[AlwaysInterleave]</c>
    /// call's write while the grain's pass waits on the grain that made that call): a receiver another pass is applying is
    /// left to that pass, which goes on with what was stored since, after waiting a little for it.
    /// </summary>
    public async Task<EffectPass> RunAsync()
    {
        var receivers = Stored().Select(p => p.Effect.Receiver).Distinct().ToList();
        var busy = receivers.Where(_busy.ContainsKey).Select(r => _busy[r]).ToList();
        if (busy.Count > 0)
        {
            await Task.WhenAny(Task.WhenAll(busy), Task.Delay(LongestWaitForBusyReceiver));
        }

        var pass = new EffectPass(TimeProvider.System.GetUtcNow());
        var lanes = new List<Task>();
        foreach (var receiver in Stored().Select(p => p.Effect.Receiver).Distinct().Where(r => !_busy.ContainsKey(r)).ToList())
        {
            var lane = ApplyInOrderAsync(receiver, pass);
            if (!lane.IsCompleted)
            {
                _busy[receiver] = lane;
            }

            lanes.Add(lane);
        }

        await Task.WhenAll(lanes);
        foreach (var gone in _retryAt.Keys.Where(sequence => host.Pending.All(p => p.Sequence != sequence)).ToList())
        {
            _retryAt.Remove(gone);
        }

        return pass;
    }

    private IEnumerable<PendingEffect> Stored() => host.Pending.Where(p => p.Sequence <= StoredThrough);

    /// <summary>Applies one receiver's stored effects in order, including those stored while it runs, until one fails.</summary>
    private async Task ApplyInOrderAsync(string receiver, EffectPass pass)
    {
        try
        {
            while (Stored().FirstOrDefault(p => p.Effect.Receiver == receiver) is { } pending)
            {
                if (_retryAt.TryGetValue(pending.Sequence, out var due) && due > pass.StartedAt)
                {
                    return;
                }

                _applying.Add(pending.Sequence);
                try
                {
                    await pending.Effect.ApplyAsync(new EffectContext(host, pending));
                }
                catch (Exception ex)
                {
                    Fail(pending, ex, pass);
                    return;
                }
                finally
                {
                    _applying.Remove(pending.Sequence);
                }

                host.Pending.Remove(pending);
                _retryAt.Remove(pending.Sequence);
                AppliedSinceWrite = true;
                EffectMetrics.Applied(pending.Effect);
            }
        }
        finally
        {
            _busy.Remove(receiver);
        }
    }

    private void Fail(PendingEffect pending, Exception ex, EffectPass pass)
    {
        var now = pass.StartedAt;
        pending.Attempts++;
        pending.LastError = Describe(ex);
        // Jittered, so two grains whose effects wait on each other (each calling the other) do not collide again.
        var delay = (DeliveryBackoff.After(pending.Attempts, int.MaxValue, FirstRetry, LongestRetry) ?? LongestRetry) * (0.5 + Random.Shared.NextDouble());
        _retryAt[pending.Sequence] = now + delay;
        if (pass.Failing is null || pending.Sequence < pass.Failing.Sequence)
        {
            pass.Failing = pending;
        }

        var id = PendingEffect.IdOf(host.GrainId, pending.Sequence);
        EffectMetrics.Failed(pending.Effect, stuck: pending.Attempts == StuckAfterAttempts);
        if (pending.Attempts >= StuckAfterAttempts)
        {
            host.Logger.LogError(ex, "Effect {EffectId} ({Effect} to {Receiver}) of {Grain} in {Community} keeps failing: attempt {Attempt}, caused at {CausedAt}; retrying in {Delay}",
                id, pending.Effect.Kind, pending.Effect.Receiver, host.GrainId, host.Community, pending.Attempts, pending.CausedAt, delay);
        }
        else
        {
            host.Logger.LogWarning(ex, "Effect {EffectId} ({Effect} to {Receiver}) of {Grain} in {Community} failed: attempt {Attempt}; retrying in {Delay}",
                id, pending.Effect.Kind, pending.Effect.Receiver, host.GrainId, host.Community, pending.Attempts, delay);
        }
    }

    private static string Describe(Exception ex)
    {
        var text = ex is CertGridException coded ? $"{coded.Code}: {coded.Message}" : $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 500 ? text : text[..500];
    }
}

/// <summary>What one pass of an <see cref="EffectRunner"/> found.</summary>
internal sealed class EffectPass(DateTimeOffset startedAt)
{
    /// <summary>Real time when the pass started: a failed effect waits until its retry is due after it.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The earliest (by sequence) effect that failed in this pass, if any.</summary>
    public PendingEffect? Failing { get; set; }
}
