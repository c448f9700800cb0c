using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

/// <summary>A cohort's new member has the cohort among their own; recording it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-cohort-on-learner")]
public sealed record RecordCohortOnLearner([property: Id(0)] string LearnerId, [property: Id(1)] string CohortId) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordCohortAsync(CohortId);
}
