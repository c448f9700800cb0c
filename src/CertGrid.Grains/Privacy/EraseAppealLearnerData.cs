using CertGrid.Abstractions.Appeals;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's grounds, contact data, evidence titles and the panel's notes from their appeal, and its blind-review copies.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-appeal-learner-data")]
public sealed record EraseAppealLearnerData([property: Id(0)] string LearnerId, [property: Id(1)] string AppealId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Appeal(context.Community, AppealId).EraseLearnerDataAsync();
}
