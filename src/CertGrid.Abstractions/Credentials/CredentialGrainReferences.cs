using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Credentials;

/// <summary>Typed references to the Credentials grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class CredentialGrainReferences
{
    /// <summary>An issued credential.</summary>
    public static ICredentialGrain Credential(this IGrainFactory grains, string community, string credentialId) =>
        grains.InCommunity<ICredentialGrain>(community, credentialId);
}
