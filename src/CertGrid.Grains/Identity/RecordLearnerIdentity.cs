using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Identity;

/// <summary>A sign-in identity was linked to a learner: the learner remembers it, so their erasure can unlink it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-learner-identity")]
public sealed record RecordLearnerIdentity([property: Id(0)] string LearnerId, [property: Id(1)] string IdentityId) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordIdentityAsync(IdentityId);
}
