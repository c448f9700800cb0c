namespace CertGrid.Grains.Persistence;

/// <summary>
/// Work that a grain's stored change causes elsewhere: a call to another grain, a read-model row, an audit append, a
/// notice. A grain causes it while it changes state (<see cref="DurableGrain{TState}.Cause(Effect)"/>); it is stored in the same
/// write as the change and applied after it, retried with backoff until it succeeds, even if nobody calls the grain
/// again. It can be applied more than once (after a crash between applying it and the grain forgetting it), so applying
/// it must be idempotent: receivers deduplicate by a natural key (a credential id, an event id) or by the deterministic
/// <see cref="EffectContext.EffectId"/>. Effects to one <see cref="Receiver"/> are applied in the order they were
/// caused; effects to different receivers are independent, so one that keeps failing holds up only those behind it.
/// A new kind of effect is one small record: its data with <c>[Id]</c>s, a receiver and <see cref="ApplyAsync"/>.
/// </summary>
[GenerateSerializer]
public abstract record Effect
{
    /// <summary>Who is changed, for example the key of the grain it calls; effects to the same receiver keep their order.</summary>
    public abstract string Receiver { get; }

    /// <summary>What operators see as the effect's kind.</summary>
    public virtual string Kind => GetType().Name;

    public abstract Task ApplyAsync(EffectContext context);
}
