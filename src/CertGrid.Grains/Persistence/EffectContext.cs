namespace CertGrid.Grains.Persistence;

/// <summary>What an effect is applied with: the cluster, the silo's services, and who caused it.</summary>
public sealed class EffectContext
{
    private readonly IEffectHost _host;

    internal EffectContext(IEffectHost host, PendingEffect effect)
    {
        _host = host;
        EffectId = PendingEffect.IdOf(host.GrainId, effect.Sequence);
        CausedAt = effect.CausedAt;
    }

    public IGrainFactory Grains => _host.Grains;

    public IServiceProvider Services => _host.Services;

    /// <summary>The community of the grain that caused the effect (and of everything the effect may touch).</summary>
    public string Community => _host.Community;

    /// <summary>Deterministic and unique: <c>{grain id}#{sequence}</c>. The same effect applied again has the same id.</summary>
    public string EffectId { get; }

    /// <summary>When the change that caused the effect was made (domain clock).</summary>
    public DateTimeOffset CausedAt { get; }

    /// <summary>The domain clock now.</summary>
    public DateTimeOffset Now => _host.Now;

    public ILogger Logger => _host.Logger;

    internal Task RefreshReadModelsAsync() => _host.RefreshReadModelsAsync();
}
