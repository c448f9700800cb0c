using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Something the learner did elsewhere (a sign-in with their key, a CE record, renewal evidence) counts as activity for the retention policy.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-learner-activity")]
public sealed record RecordLearnerActivity([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordActivityAsync();
}
