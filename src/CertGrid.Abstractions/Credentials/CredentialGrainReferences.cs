using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Credentials;

/// <summary>Typed references to the Credentials grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class CredentialGrainReferences
{
    /// <summary>An issued credential.</summary>
    public static ICredentialGrain Credential(this IGrainFactory grains, string community, string credentialId) =>
        grains.InCommunity<ICredentialGrain>(community, credentialId);

    /// <summary>The credentials a learner's OB 3.0 clients stored in their record.</summary>
    public static IHostedCredentialsGrain HostedCredentials(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<IHostedCredentialsGrain>(community, learnerId);
}
