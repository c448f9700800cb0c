using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Recognition;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Recognition;

/// <summary>A contribution (an evaluator's review, for example) counts toward its contributor's recognition once per contribution id.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.count-contribution")]
public sealed record CountContribution([property: Id(0)] string Person, [property: Id(1)] ContributionKind Contribution, [property: Id(2)] string ContributionId) : Effect
{
    public override string Receiver => $"contributor:{Person}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Contributor(context.Community, Person).RecordAsync(Contribution, ContributionId, Actors.System);
}
