using CertGrid.Abstractions.Audit;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Erases the details of the community's audit entries that mention the learner or their records; the chain still verifies.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-audit-details")]
public sealed record EraseAuditDetails([property: Id(0)] string LearnerId, [property: Id(1)] IReadOnlyList<string> Mentions) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.GetGrain<IAuditLogGrain>(context.Community).ErasePayloadsAsync(Mentions.ToList());
}
