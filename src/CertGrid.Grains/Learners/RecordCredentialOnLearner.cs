using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

/// <summary>An issued credential appears among its holder's credentials; recording it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-credential-on-learner")]
public sealed record RecordCredentialOnLearner([property: Id(0)] string LearnerId, [property: Id(1)] string CredentialId) : Effect
{
    public override string Receiver => $"learner:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Learner(context.Community, LearnerId).RecordCredentialAsync(CredentialId);
}
