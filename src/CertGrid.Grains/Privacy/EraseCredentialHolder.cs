using CertGrid.Abstractions.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>Removes an erased learner's data from a credential they held, which is revoked saying why.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-credential-holder")]
public sealed record EraseCredentialHolder([property: Id(0)] string LearnerId, [property: Id(1)] string CredentialId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Credential(context.Community, CredentialId).EraseHolderAsync();
}
