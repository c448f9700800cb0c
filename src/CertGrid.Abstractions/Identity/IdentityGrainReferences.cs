using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Identity;

/// <summary>Typed references to the Identity grains (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class IdentityGrainReferences
{
    /// <summary>The community's identity provider settings and invitations.</summary>
    public static IIdentityProviderGrain IdentityProvider(this IGrainFactory grains, string community) =>
        grains.GetGrain<IIdentityProviderGrain>(community);

    /// <summary>A person's sign-in identity in a community.</summary>
    public static IMemberIdentityGrain MemberIdentity(this IGrainFactory grains, string community, string identityId) =>
        grains.InCommunity<IMemberIdentityGrain>(community, identityId);

    /// <summary>The platform-wide record of which community accepts an issuer's tokens for which audience.</summary>
    public static IIdentityIssuerGrain IdentityIssuer(this IGrainFactory grains, string issuer) =>
        grains.GetGrain<IIdentityIssuerGrain>(issuer);
}
