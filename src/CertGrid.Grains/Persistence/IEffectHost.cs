namespace CertGrid.Grains.Persistence;

/// <summary>What the <see cref="EffectRunner"/> needs from the grain whose effects it applies.</summary>
internal interface IEffectHost
{
    GrainId GrainId { get; }

    string Community { get; }

    IGrainFactory Grains { get; }

    IServiceProvider Services { get; }

    ILogger Logger { get; }

    /// <summary>The domain clock's time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The grain's pending effects, in its state.</summary>
    List<PendingEffect> Pending { get; }

    Task RefreshReadModelsAsync();
}
