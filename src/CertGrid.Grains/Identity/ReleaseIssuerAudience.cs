using CertGrid.Abstractions.Identity;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Identity;

/// <summary>A community that moved to another provider (or audience) no longer holds the old pair; releasing it again changes nothing.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.release-issuer-audience")]
public sealed record ReleaseIssuerAudience([property: Id(0)] string Issuer, [property: Id(1)] string Audience) : Effect
{
    public override string Receiver => $"issuer:{Issuer}";

    public override Task ApplyAsync(EffectContext context) =>
        context.Grains.IdentityIssuer(Issuer).ReleaseAsync(Audience, context.Community);
}
