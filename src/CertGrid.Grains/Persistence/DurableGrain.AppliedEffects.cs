using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// What a grain's stored state still lists after its effects were applied: recorded in a small row when the grain is
/// collected (<see cref="AppliedEffectsRow"/>, in a table batch with the other grains collected then), and dropped on
/// the next activation, instead of a write of the whole state when the grain is collected.
/// </summary>
public abstract partial class DurableGrain<TState>
{
    /// <summary>
    /// This activation dropped stored effects its row covered and has not written since: the stored state still lists
    /// them, and each activation would read the row until the state is written.
    /// </summary>
    private bool _droppedStoredEffects;

    private ReadModelTable AppliedEffects
    {
        get
        {
            if (field is null)
            {
                var storage = ServiceProvider.GetRequiredService<StorageClients>();
                field = storage.ReadModel(storage.Names.AppliedEffectsTable);
            }

            return field;
        }
    }

    /// <summary>On activation: drops the stored effects the grain's row says were applied (a failed read applies them again).</summary>
    private async Task DropAppliedEffectsAsync()
    {
        if (State.Effects.Count == 0 || State.Incarnation is not { } incarnation)
        {
            return;
        }

        try
        {
            var row = await AppliedEffects.FindAsync<AppliedEffectsRow>(Community, PendingEffectsRow.RowKeyOf(this.GetGrainId()));
            if (row is not null && row.Incarnation == incarnation && State.Effects.RemoveAll(e => e.Sequence <= row.AppliedThrough) > 0)
            {
                Runner.AppliedSinceWrite = true;
                _droppedStoredEffects = true;
            }
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Reading how far the effects of {Grain} were applied failed; they are applied again (idempotently)", this.GetGrainId());
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Only when an idle grain is collected (or asks to go), as a batch of small rows with the other grains collected
        // at the same time: not when the silo shuts down, is short of memory or moves grains, when storage is what is
        // short of time (10,000 freshly issued credentials outlasting the shutdown timeout, 654 deactivations timing out at
        // 100,000 learners under memory pressure, when each rewrote its whole state to forget its applied effects). A grain
        // activated again after that is rewritten once when collected, so the row is read once per grain, not per activation.
        if (!_discarded && RecordExists && reason.ReasonCode is DeactivationReasonCode.ActivationIdle or DeactivationReasonCode.ApplicationRequested)
        {
            await (_droppedStoredEffects && State.Effects.Count == 0 ? ForgetDroppedEffectsAsync(cancellationToken) : RecordAppliedEffectsAsync());
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>When every stored effect was applied since the last write, records how far in the grain's row (a row not stored only means effects applied again).</summary>
    private async Task RecordAppliedEffectsAsync()
    {
        if (State.Effects.Count > 0 || !Runner.AppliedSinceWrite || State.Incarnation is not { } incarnation)
        {
            return;
        }

        try
        {
            await AppliedEffects.UpsertAsync(AppliedEffectsRow.Of(Community, this.GetGrainId(), incarnation, Runner.StoredThrough));
        }
        catch (Exception ex)
        {
            Logger.LogDebug(ex, "Recording the applied effects of {Grain} failed; they are applied again (idempotently) on its next activation", this.GetGrainId());
        }
    }

    /// <summary>A grain activated again since its row was written stores its state without the effects it dropped, so later activations need no row.</summary>
    private async Task ForgetDroppedEffectsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            Logger.LogDebug(ex, "Forgetting the applied effects of {Grain} failed; its row still covers them", this.GetGrainId());
        }
    }
}
