namespace CertGrid.Abstractions.Persistence;

/// <summary>
/// The effect outbox every persisted grain has: the effects its stored changes caused that are not applied yet. The
/// community's <see cref="IEffectSweeperGrain"/> calls it to resume a grain nobody else calls; tests and operators read it.
/// Addressed by the grain's own id (<c>GrainFactory.GetGrain&lt;IEffectOutbox&gt;(grainId)</c>).
/// </summary>
public interface IEffectOutbox : IGrain
{
    /// <summary>Applies every pending effect that is due now and returns what is still pending.</summary>
    Task<EffectBacklog> ResumeEffectsAsync();

    /// <summary>
    /// Applies every pending effect now, failed ones included however long their backoff still runs, and returns what is
    /// still pending. The sweep calls it when a silo was lost: an effect that failed because its receiver was on that silo
    /// succeeds once the receiver is activated elsewhere, so it should not wait out a backoff that grew meanwhile.
    /// </summary>
    Task<EffectBacklog> RetryEffectsNowAsync();

    /// <summary>The pending effects, without applying any.</summary>
    [ReadOnly]
    Task<EffectBacklog> GetEffectsAsync();
}

/// <summary>A grain's pending effects, oldest first; empty once everything its changes caused was applied.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect-backlog")]
public sealed record EffectBacklog([property: Id(0)] IReadOnlyList<PendingEffectView> Pending)
{
    public bool Settled => Pending.Count == 0;
}

/// <summary>One pending effect: its deterministic id, what it does and to whom, and how often it failed so far.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.pending-effect-view")]
public sealed record PendingEffectView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Receiver,
    [property: Id(3)] DateTimeOffset CausedAt,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? LastError);
