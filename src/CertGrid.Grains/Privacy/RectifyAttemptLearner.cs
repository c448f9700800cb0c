using CertGrid.Abstractions.Assessments;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>A rectified email or organisation reaches an attempt's conflict-of-interest checks.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.rectify-attempt-learner")]
public sealed record RectifyAttemptLearner(
    [property: Id(0)] string LearnerId, [property: Id(1)] string AttemptId, [property: Id(2)] string Email, [property: Id(3)] string? Organisation) : Effect
{
    public override string Receiver => $"rectification:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Attempt(context.Community, AttemptId).RectifyLearnerAsync(Email, Organisation);
}
