using CertGrid.Abstractions.Identity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>
/// Removes an admin's sign-in invitations of an erased learner (they name their email). Found by the learner id: the
/// effect is stored with the learner's tombstone, so it must not carry the email itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-identity-invitation")]
public sealed record EraseIdentityInvitation([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.IdentityProvider(context.Community).ForgetInvitationsOfAsync(LearnerId);
}
