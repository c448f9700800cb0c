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
    /// <summary>The sequence through which this activation recorded its effects as applied.</summary>
    private long _appliedRecordedThrough;

    private ReadModelTable AppliedEffects => field ??=
        ServiceProvider.GetRequiredService<StorageClients>() is var storage ? storage.ReadModel(storage.Names.AppliedEffectsTable) : null!;

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
                _appliedRecordedThrough = row.AppliedThrough;
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
        // 100,000 learners under memory pressure, when each rewrote its whole state to forget its applied effects).
        if (!_discarded && RecordExists && reason.ReasonCode is DeactivationReasonCode.ActivationIdle or DeactivationReasonCode.ApplicationRequested)
        {
            await RecordAppliedEffectsAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>When every stored effect was applied since the last write, records how far in the grain's row (a row not stored only means effects applied again).</summary>
    private async Task RecordAppliedEffectsAsync()
    {
        if (State.Effects.Count > 0 || !Runner.AppliedSinceWrite || State.Incarnation is not { } incarnation || _appliedRecordedThrough >= Runner.StoredThrough)
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
}
