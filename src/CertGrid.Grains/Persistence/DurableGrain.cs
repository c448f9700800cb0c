using System.Collections.Concurrent;
using System.Reflection;
using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Persistence;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// A grain whose changes are acknowledged only once persisted, and whose changes' effects are carried out reliably.
/// A change is made to <see cref="State"/>, its effects are declared with <see cref="Cause(Effect)"/>, and
/// <see cref="SaveAsync"/> stores both in one write (audit events and the grain's read-model refresh become effects
/// too). Effects are applied after the write: with <see cref="SaveAsync"/> before the call returns, with
/// <see cref="SaveAndReplyAsync"/> right after it. A failed effect is retried with backoff on a timer while the grain is
/// active; a grain with effects is marked in its community's effects table in the same moment it writes them, and the
/// community's <see cref="EffectSweeperGrain"/> resumes it if nobody else does (after a crash, for example).
/// </summary>
public abstract partial class DurableGrain<TState>(IPersistentState<TState> state) : Grain, IEffectOutbox, IEffectHost
    where TState : DurableState, new()
{
    private static readonly ConcurrentDictionary<Type, bool> HasReadModelsByType = new();
    private EffectRunner? _runner;
    private IGrainTimer? _passTimer;
    private DateTimeOffset _passDueAt = DateTimeOffset.MaxValue;
    private bool _discarded;
    private bool _answeringForWrite;
    private Task _writing = Task.CompletedTask;

    /// <summary>This activation marked the grain in the effects table and the sweep has not found it settled since.</summary>
    private bool _marked;

    protected TState State => state.State;

    /// <summary>
    /// The grain's record is stored — or is the one being written while that write asks the state for its call's answer
    /// (<see cref="AnswerOfStateBeingWritten"/>), so a first write stores the answer its reads give once it has landed.
    /// </summary>
    protected bool RecordExists => state.RecordExists || _answeringForWrite;

    /// <summary>The community this grain belongs to (from its key).</summary>
    protected abstract string Community { get; }

    protected TimeProvider Clock => field ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey);

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected ILogger Logger => field ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    private EffectRunner Runner => _runner ??= new EffectRunner(this);

    private EffectMarkers Markers => field ??= ServiceProvider.GetRequiredService<EffectMarkers>();

    private bool HasReadModels => HasReadModelsByType.GetOrAdd(GetType(), type =>
        type.GetMethod(nameof(ProjectAsync), BindingFlags.Instance | BindingFlags.NonPublic)!.DeclaringType != typeof(DurableGrain<TState>));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _confirmedAt = Now;
        Runner.StoredThrough = State.EffectsCaused;
        if (State.LegacyPendingAudit.Count > 0)
        {
            Cause(new AppendAudit(State.LegacyPendingAudit.ToList()));
            State.LegacyPendingAudit.Clear();
            Runner.StoredThrough = State.EffectsCaused; // they were stored, in the older form
        }

        await DropAppliedEffectsAsync();
        if (State.Effects.Count > 0)
        {
            SchedulePass(TimeSpan.Zero);
        }
    }

    /// <summary>A new audit event; its details are serialised as JSON and its id makes delivery idempotent.</summary>
    protected AuditEvent AuditEvent(string actor, string action, string subject, object details) =>
        new(Guid.CreateVersion7().ToString("N"), Now, actor, action, subject, AuditDetails.Serialize(details));

    /// <summary>Writes this grain's rows in its read models. Must be idempotent (an upsert of current state).</summary>
    protected virtual Task ProjectAsync() => Task.CompletedTask;

    /// <summary>Declares an effect of the change being made; it is stored by the next <see cref="SaveAsync"/>.</summary>
    protected void Cause(Effect effect) => State.Effects.Add(Caused(effect));

    /// <summary>Declares several effects of the change being made, in order.</summary>
    protected void Cause(IEnumerable<Effect> effects)
    {
        foreach (var effect in effects)
        {
            Cause(effect);
        }
    }

    /// <summary>Effects were caused that no write has stored yet.</summary>
    protected bool HasUnstoredEffects => State.EffectsCaused > Runner.StoredThrough;

    /// <summary>
    /// Persists the state with the given audit events and the caused effects, then applies the effects before returning
    /// (one that fails does not fail the call: it is retried). If the write fails the activation is discarded, so no
    /// caller ever sees a change that was not stored.
    /// </summary>
    protected async Task SaveAsync(params AuditEvent[] events)
    {
        if (await WriteAsync(events))
        {
            await RunEffectsAsync();
        }
    }

    /// <summary>
    /// Persists like <see cref="SaveAsync"/> but returns once the write is stored: the effects (audit events included)
    /// are applied right after, in the grain's next turn. For the calls whose answer must not wait for what follows.
    /// </summary>
    protected async Task SaveAndReplyAsync(params AuditEvent[] events)
    {
        if (await WriteAsync(events))
        {
            SchedulePass(TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Clears the grain's stored state (<c>ClearStateAsync</c>; a record past its lifetime, say); a grain with effects still
    /// to apply keeps it. The grain goes on from an empty state, as if it had never been written.
    /// </summary>
    protected Task ForgetStoredStateAsync() => InTurnAsync(async () =>
    {
        if (_discarded)
        {
            throw Unconfirmed();
        }

        if (!RecordExists || State.Effects.Count > 0)
        {
            return false;
        }

        try
        {
            await state.ClearStateAsync();
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            _discarded = true;
            DeactivateOnIdle();
            Logger.LogError(ex, "Deleting the state of {Grain} failed; the activation will reload from storage", this.GetGrainId());
            throw Unconfirmed();
        }

        Runner.StoredThrough = State.EffectsCaused; // a fresh state: its effects are numbered from the start again
        Runner.AppliedSinceWrite = false;
        State.Incarnation = null; // and it is another record
        _droppedStoredEffects = false;
        return true;
    });

    /// <summary>
    /// Stores the state and what it caused; true when this write stored new effects. Writes of one activation never
    /// overlap: a call that interleaves (<c>[AlwaysInterleave]</c>) waits for the write in flight, and after a failed write
    /// every later one is refused, because the activation is being discarded to reload what storage really holds.
    /// </summary>
    private Task<bool> WriteAsync(AuditEvent[] events) => InTurnAsync(() => WriteNowAsync(events));

    private async Task<T> InTurnAsync<T>(Func<Task<T>> write)
    {
        var previous = _writing;
        var done = new TaskCompletionSource();
        _writing = done.Task;
        try
        {
            await previous;
            return await write();
        }
        finally
        {
            done.SetResult();
        }
    }

    private async Task<bool> WriteNowAsync(AuditEvent[] events)
    {
        if (_discarded)
        {
            throw Unconfirmed();
        }

        RememberRunningOperation();
        if (events.Length > 0)
        {
            Cause(new AppendAudit(events));
            CauseEvents(events);
        }

        if (HasReadModels && !State.Effects.Any(e => e.Effect is RefreshReadModels && !Runner.IsApplying(e)))
        {
            // Before this change's other effects, so one that reads the grain's read models (same receiver) sees it.
            // A refresh being applied now may have read the state before this change, so it does not cover it.
            var first = State.Effects.FindIndex(e => e.Sequence > Runner.StoredThrough);
            State.Effects.Insert(first < 0 ? State.Effects.Count : first, Caused(new RefreshReadModels()));
        }

        State.Incarnation ??= Guid.NewGuid().ToString("N");
        var through = State.EffectsCaused;
        var marking = through > Runner.StoredThrough && !_marked ? Markers.MarkAsync(Community, this.GetGrainId()) : Task.CompletedTask;
        _marked |= through > Runner.StoredThrough;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            _discarded = true;
            DeactivateOnIdle();
            await ObserveAsync(marking);
            Logger.LogError(ex, "Storing state of {Grain} failed; the activation will reload from storage", this.GetGrainId());
            throw Unconfirmed();
        }

        _confirmedAt = Now;
        var storedNew = through > Runner.StoredThrough;
        Runner.StoredThrough = through;
        Runner.AppliedSinceWrite = false;
        _droppedStoredEffects = false; // the state just stored no longer lists them
        await ObserveAsync(marking);
        return storedNew;
    }

    private static CertGridException Unconfirmed() => new(ErrorCode.Unavailable,
        "Storage did not confirm the change, so it may not have been saved. Check the current state and try again.");

    private PendingEffect Caused(Effect effect) => new() { Sequence = ++State.EffectsCaused, Effect = effect, CausedAt = Now };
}
