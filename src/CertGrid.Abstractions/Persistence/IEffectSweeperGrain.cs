using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Persistence;

/// <summary>
/// A community's wake-up for grains with pending effects. Grains mark themselves in the community's effects table in
/// the same moment they store a change that causes effects; while marks exist, one reminder per community sweeps them
/// and resumes each marked grain, so effects complete even if nobody calls the grain again (after a crash, for
/// example). The marks are also what operators list. Key: the community id.
/// </summary>
public interface IEffectSweeperGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the sweep reminder is registered (in the background: it returns at once). Idempotent. Interleaves with a
    /// running sweep: a grain marking itself waits for this while the sweep may be waiting for that grain.
    /// </summary>
    [AlwaysInterleave]
    Task EnsureArmedAsync();

    /// <summary>Resumes every marked grain that is due and removes the marks of grains that have settled.</summary>
    Task<EffectSweep> SweepAsync();

    /// <summary>
    /// Sweeps at once, in the background (it returns at once), because the silo <paramref name="lostSilo"/> left the
    /// cluster: the grains it held may have stored changes whose effects never ran, and effects that failed because their
    /// receiver was there wait out a backoff. The grains marked on that silo and those with failed effects are resumed and
    /// retry failed effects now. Every silo that saw the loss asks; the sweeper sweeps once per lost silo. Interleaves, so
    /// a running sweep does not hold it up.
    /// </summary>
    [AlwaysInterleave]
    Task SweepAfterSiloLossAsync(string lostSilo);

    /// <summary>Grains of the community with pending effects, failing ones with what failed and how often.</summary>
    [ReadOnly]
    Task<Page<GrainEffects>> ListAsync(PageRequest page);

    [ReadOnly]
    Task<EffectSweeperStatus> GetStatusAsync();
}

[GenerateSerializer, Immutable, Alias("certgrid.effect-sweep")]
public sealed record EffectSweep(
    [property: Id(0)] int Resumed,
    [property: Id(1)] int Settled,
    [property: Id(2)] int StillPending);

/// <param name="SweptAfterSiloLoss">The last sweeps this activation made because a silo left the cluster, oldest first.</param>
[GenerateSerializer, Immutable, Alias("certgrid.effect-sweeper-status")]
public sealed record EffectSweeperStatus(
    [property: Id(0)] bool ReminderActive,
    [property: Id(1)] int Marked,
    [property: Id(2)] IReadOnlyList<SiloLossSweep> SweptAfterSiloLoss);

/// <summary>A sweep made because <paramref name="LostSilo"/> left the cluster: when it ended, and what it found.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.silo-loss-sweep")]
public sealed record SiloLossSweep(
    [property: Id(0)] string LostSilo,
    [property: Id(1)] DateTimeOffset SweptAt,
    [property: Id(2)] EffectSweep Sweep);

/// <summary>
/// A grain with pending effects as operators see it: when it was last marked and, once an effect failed, which one (and
/// when that was caused), how many times it failed, the last error and when it is tried again. <see cref="Stuck"/> once
/// it failed repeatedly.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.grain-effects")]
public sealed record GrainEffects(
    [property: Id(0)] string GrainId,
    [property: Id(1)] DateTimeOffset MarkedAt,
    [property: Id(2)] int Pending,
    [property: Id(3)] string? FailingEffect,
    [property: Id(4)] string? FailingReceiver,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string? LastError,
    [property: Id(7)] DateTimeOffset? FailingEffectCausedAt,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] bool Stuck);
