using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Renewals;

/// <summary>Typed references to the Renewals grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class RenewalGrainReferences
{
    /// <summary>A credential's renewal (keyed by the credential).</summary>
    public static IRenewalGrain Renewal(this IGrainFactory grains, string community, string credentialId) =>
        grains.InCommunity<IRenewalGrain>(community, credentialId);

    /// <summary>A day's page of renewal deadlines (bucket id <c>{yyyyMMdd}-{page}</c>).</summary>
    public static IRenewalBucketGrain RenewalBucket(this IGrainFactory grains, string community, string bucketId) =>
        grains.InCommunity<IRenewalBucketGrain>(community, bucketId);
}
