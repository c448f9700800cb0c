using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

/// <summary>A submitted attempt appears in the learner's history; recording it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-attempt-on-learner")]
public sealed record RecordAttemptOnLearner([property: Id(0)] string LearnerId, [property: Id(1)] LearnerAttempt Attempt) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordAttemptAsync(Attempt);
}
