using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.OAuth;

/// <summary>Typed references to the OAuth 2.0 authorization server's records.</summary>
public static class OAuthGrainReferences
{
    /// <summary>A registered client (platform-wide; its key is the client id).</summary>
    public static IOAuthRecordGrain OAuthClient(this IGrainFactory grains, string clientId) =>
        grains.GetGrain<IOAuthRecordGrain>("client:" + clientId);

    /// <summary>
    /// The index from a reference token's (SHA-256-obfuscated) reference id to its token id: an authorization code is
    /// all a client presents, so the code alone must lead to the token entry, in whichever community it lives.
    /// </summary>
    public static IOAuthRecordGrain OAuthReference(this IGrainFactory grains, string obfuscatedReferenceId) =>
        grains.GetGrain<IOAuthRecordGrain>("reference:" + obfuscatedReferenceId);

    /// <summary>An authorization or token of a learner of <paramref name="community"/>.</summary>
    public static IOAuthRecordGrain OAuthGrant(this IGrainFactory grains, string community, string id) =>
        grains.InCommunity<IOAuthRecordGrain>(community, id);

    /// <summary>The clients a learner of <paramref name="community"/> allowed.</summary>
    public static ILearnerOAuthGrantsGrain LearnerOAuthGrants(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ILearnerOAuthGrantsGrain>(community, learnerId);
}
