using CertGrid.Abstractions.Persistence;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Applying a grain's stored effects: right after a write, on one timer for retries and replies, and when the community's
/// sweep resumes the grain; what the grain exposes to its effects (<see cref="IEffectHost"/>) and to operators.
/// </summary>
public abstract partial class DurableGrain<TState>
{
    public async Task<EffectBacklog> ResumeEffectsAsync()
    {
        await RunEffectsAsync();
        var backlog = Backlog();
        _marked &= !backlog.Settled; // the sweep removes the mark of a settled grain; the next change marks it again
        return backlog;
    }

    public Task<EffectBacklog> RetryEffectsNowAsync()
    {
        Runner.RetryNow();
        return ResumeEffectsAsync();
    }

    public Task<EffectBacklog> GetEffectsAsync() => Task.FromResult(Backlog());

    private async Task ObserveAsync(Task marking)
    {
        try
        {
            await marking;
        }
        catch (Exception ex)
        {
            // The effects still run now; only a crash before they complete would wait for the next call or activation.
            _marked = false;
            Logger.LogWarning(ex, "Marking {Grain} in {Community} as having pending effects failed", this.GetGrainId(), Community);
        }
    }

    private async Task RunEffectsAsync()
    {
        if (State.Effects.Count == 0)
        {
            return;
        }

        var pass = await Runner.RunAsync();
        if (Runner.NextRetryAt is not { } retryAt)
        {
            return;
        }

        SchedulePass(retryAt - TimeProvider.System.GetUtcNow());
        if (pass.Failing is { } failing)
        {
            try
            {
                await Markers.ReportFailureAsync(Community, this.GetGrainId(), State.Effects.Count, failing, retryAt);
            }
            catch (Exception ex)
            {
                Logger.LogWarning(ex, "Reporting the failing effects of {Grain} in {Community} failed", this.GetGrainId(), Community);
            }
        }
    }

    /// <summary>One timer for the next pass: the earliest of what was asked (right after a reply, or a retry's time).</summary>
    private void SchedulePass(TimeSpan delay)
    {
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        var at = TimeProvider.System.GetUtcNow() + delay;
        if (_passTimer is not null && _passDueAt <= at)
        {
            return;
        }

        _passTimer?.Dispose();
        _passDueAt = at;
        _passTimer = this.RegisterGrainTimer(async _ =>
        {
            _passTimer?.Dispose();
            _passTimer = null;
            _passDueAt = DateTimeOffset.MaxValue;
            await RunEffectsAsync();
        }, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
    }

    private EffectBacklog Backlog() => new(State.Effects.Select(p => new PendingEffectView(
        PendingEffect.IdOf(this.GetGrainId(), p.Sequence), p.Effect.Kind, p.Effect.Receiver, p.CausedAt, p.Attempts, p.LastError)).ToList());

    GrainId IEffectHost.GrainId => this.GetGrainId();

    string IEffectHost.Community => Community;

    IGrainFactory IEffectHost.Grains => GrainFactory;

    IServiceProvider IEffectHost.Services => ServiceProvider;

    ILogger IEffectHost.Logger => Logger;

    DateTimeOffset IEffectHost.Now => Now;

    List<PendingEffect> IEffectHost.Pending => State.Effects;

    Task IEffectHost.RefreshReadModelsAsync() => ProjectAsync();
}
