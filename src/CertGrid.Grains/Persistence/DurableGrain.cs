using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Audit;
using CertGrid.Domain.Audit;
using CertGrid.Grains.Audit;
using CertGrid.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// A grain whose changes are acknowledged only once persisted. After each write it delivers the audit events
/// saved with the change and refreshes its read-model rows; either step that fails is retried on a timer
/// (and audit delivery again on the next activation), never lost and never done twice.
/// </summary>
public abstract class DurableGrain<TState>(IPersistentState<TState> state) : Grain
    where TState : DurableState, new()
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private IGrainTimer? _retryTimer;
    private bool _projectionPending;

    protected TState State => state.State;

    protected bool RecordExists => state.RecordExists;

    /// <summary>The community this grain belongs to (from its key).</summary>
    protected abstract string Community { get; }

    protected TimeProvider Clock => field ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey);

    protected DateTimeOffset Now => Clock.GetUtcNow();

    protected ILogger Logger => field ??= ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.PendingAudit.Count > 0)
        {
            await CompleteSideEffectsAsync();
        }
    }

    /// <summary>A new audit event; its details are serialised as JSON and its id makes delivery idempotent.</summary>
    protected AuditEvent AuditEvent(string actor, string action, string subject, object details) =>
        new(Guid.CreateVersion7().ToString("N"), Now, actor, action, subject, AuditDetails.Serialize(details));

    /// <summary>Writes this grain's rows in its read models. Must be idempotent (an upsert of current state).</summary>
    protected virtual Task ProjectAsync() => Task.CompletedTask;

    /// <summary>
    /// Persists the state with the given audit events, then delivers them and refreshes the read models.
    /// If the write fails the activation is discarded, so no caller ever sees a change that was not stored.
    /// </summary>
    protected async Task SaveAsync(params AuditEvent[] events)
    {
        State.PendingAudit.AddRange(events);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            DeactivateOnIdle();
            Logger.LogError(ex, "Storing state of {Grain} failed; the activation will reload from storage", this.GetGrainId());
            throw new CertGridException(ErrorCode.Unavailable,
                "Storage did not confirm the change, so it may not have been saved. Check the current state and try again.");
        }

        _projectionPending = true;
        await CompleteSideEffectsAsync();
    }

    private async Task CompleteSideEffectsAsync()
    {
        try
        {
            if (_projectionPending)
            {
                await ProjectAsync();
                _projectionPending = false;
            }

            if (State.PendingAudit.Count > 0)
            {
                await GrainFactory.GetGrain<IAuditLogGrain>(Community).AppendAsync(State.PendingAudit.ToList());
                State.PendingAudit.Clear();
            }

            _retryTimer?.Dispose();
            _retryTimer = null;
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Completing the side effects of {Grain} failed (read model pending: {Projection}, audit events pending: {Count}); retrying in {Delay}",
                this.GetGrainId(), _projectionPending, State.PendingAudit.Count, RetryDelay);
            _retryTimer ??= this.RegisterGrainTimer(_ => CompleteSideEffectsAsync(), new GrainTimerCreationOptions(RetryDelay, RetryDelay));
        }
    }
}
