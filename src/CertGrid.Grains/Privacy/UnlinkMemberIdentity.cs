using CertGrid.Abstractions.Identity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Unlinks an erased learner's sign-in identity (the provider's issuer and subject are forgotten with the link).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.unlink-member-identity")]
public sealed record UnlinkMemberIdentity([property: Id(0)] string LearnerId, [property: Id(1)] string IdentityId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.MemberIdentity(context.Community, IdentityId).ForgetLearnerAsync(LearnerId);
}
