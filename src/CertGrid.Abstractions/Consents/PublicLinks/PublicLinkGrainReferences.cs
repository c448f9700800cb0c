using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Consents.PublicLinks;

/// <summary>Typed references to the public-link grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class PublicLinkGrainReferences
{
    /// <summary>The learner's public links.</summary>
    public static ILearnerPublicLinksGrain PublicLinks(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<ILearnerPublicLinksGrain>(community, learnerId);

    /// <summary>One link, by the SHA-256 of its token.</summary>
    public static IPublicLinkGrain PublicLink(this IGrainFactory grains, string community, string tokenHash) =>
        grains.InCommunity<IPublicLinkGrain>(community, tokenHash);
}
