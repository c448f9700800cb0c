using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Evaluators;

/// <summary>A decided attempt or appeal frees its panel's load in the evaluator pool; releasing a released panel changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.release-panel")]
public sealed record ReleasePanel([property: Id(0)] string PanelId) : Effect
{
    public override string Receiver => "evaluator-pool";

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<PanelReleases>().ReleaseAsync(context.Community, PanelId);
}
