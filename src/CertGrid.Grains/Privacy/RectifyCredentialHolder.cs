using CertGrid.Abstractions.Credentials;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Privacy;

/// <summary>A rectified name reaches a credential's records (not its signed JWT).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.rectify-credential-holder")]
public sealed record RectifyCredentialHolder([property: Id(0)] string LearnerId, [property: Id(1)] string CredentialId, [property: Id(2)] string Name) : Effect
{
    public override string Receiver => $"rectification:{LearnerId}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.Credential(context.Community, CredentialId).RectifyHolderNameAsync(Name);
}
