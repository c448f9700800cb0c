namespace CertGrid.Grains.Persistence;

/// <summary>
/// Rewrites the grain's own read-model rows from its current state (<see cref="DurableGrain{TState}.ProjectAsync"/>, an
/// upsert, so applying it again is harmless). Caused by every write of a grain that has read models; one pending
/// refresh covers every change before it. It comes before the other effects of its change, so an effect that reads the
/// grain's own rows gives <see cref="ReceiverName"/> as its receiver and runs after the refresh.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.refresh-read-models")]
public sealed record RefreshReadModels : Effect
{
    public const string ReceiverName = "read-models";

    public override string Receiver => ReceiverName;

    public override Task ApplyAsync(EffectContext context) => context.RefreshReadModelsAsync();
}
