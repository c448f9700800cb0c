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

    /// <summary>When a failed effect (by sequence) may be tried again, on real time: retries are about infrastructure.</summary>
    private readonly Dictionary<long, DateTimeOffset> _retryAt = [];
    private Task? _pass;

    /// <summary>Effects caused up to this sequence are stored; later ones wait for their write.</summary>
    public long StoredThrough { get; set; }

    /// <summary>Effects were applied since the state was last written, so the stored state still lists them.</summary>
    public bool AppliedSinceWrite { get; set; }

    /// <summary>The first failing effect of the last pass, if any.</summary>
    public PendingEffect? Failing { get; private set; }

    /// <summary>When the earliest failed effect is due again; null when none is waiting.</summary>
    public DateTimeOffset? NextRetryAt => _retryAt.Count == 0 ? null : _retryAt.Values.Min();

    /// <summary>One pass over the pending effects; a pass already running is awaited first, then another is made.</summary>
    public async Task RunAsync()
    {
        while (_pass is { } running)
        {
            await running;
        }

        _pass = PassAsync();
        try
        {
            await _pass;
        }
        finally
        {
            _pass = null;
        }
    }

    private async Task PassAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        Failing = null;
        var stored = host.Pending.Where(p => p.Sequence <= StoredThrough).ToList();
        await Task.WhenAll(stored.GroupBy(p => p.Effect.Receiver).Select(inOrder => ApplyInOrderAsync(inOrder.ToList(), now)));
        foreach (var gone in _retryAt.Keys.Where(sequence => host.Pending.All(p => p.Sequence != sequence)).ToList())
        {
            _retryAt.Remove(gone);
        }
    }

    private async Task ApplyInOrderAsync(List<PendingEffect> effects, DateTimeOffset now)
    {
        foreach (var pending in effects)
        {
            if (_retryAt.TryGetValue(pending.Sequence, out var due) && due > now)
            {
                return;
            }

            try
            {
                await pending.Effect.ApplyAsync(new EffectContext(host, pending));
                host.Pending.Remove(pending);
                _retryAt.Remove(pending.Sequence);
                AppliedSinceWrite = true;
                EffectMetrics.Applied(pending.Effect);
            }
            catch (Exception ex)
            {
                Fail(pending, ex, now);
                return;
            }
        }
    }

    private void Fail(PendingEffect pending, Exception ex, DateTimeOffset now)
    {
        pending.Attempts++;
        pending.LastError = Describe(ex);
        // Jittered, so two grains whose effects wait on each other (each calling the other) do not collide again.
        var delay = (DeliveryBackoff.After(pending.Attempts, int.MaxValue, FirstRetry, LongestRetry) ?? LongestRetry) * (0.5 + Random.Shared.NextDouble());
        _retryAt[pending.Sequence] = now + delay;
        if (Failing is null || pending.Sequence < Failing.Sequence)
        {
            Failing = pending;
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
