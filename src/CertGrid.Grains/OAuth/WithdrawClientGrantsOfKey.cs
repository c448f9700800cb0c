using CertGrid.Abstractions.OAuth;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.OAuth;

/// <summary>A learner's key was revoked: the OAuth clients the learner allowed with that key lose their access too.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.withdraw-client-grants-of-key")]
public sealed record WithdrawClientGrantsOfKey(
    [property: Id(0)] string LearnerId, [property: Id(1)] string KeyId, [property: Id(2)] string Actor) : Effect
{
    public override string Receiver => $"oauth-grants:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.LearnerOAuthGrants(context.Community, LearnerId).WithdrawGrantedWithKeyAsync(KeyId, Actor);
}
