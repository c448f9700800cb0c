using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Closes an erased learner's public links (their URLs answer 404 from then on) and forgets them.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-learner-public-links")]
public sealed record EraseLearnerPublicLinks([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.PublicLinks(context.Community, LearnerId).EraseAsync();
}
