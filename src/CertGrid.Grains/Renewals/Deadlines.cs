using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;

namespace CertGrid.Grains.Renewals;

/// <summary>Addresses a community's day buckets.</summary>
public static class Deadlines
{
    public static IRenewalBucketGrain Bucket(IGrainFactory grains, string community, DateOnly day, int page = 0) =>
        grains.RenewalBucket(community, DeadlineDay.BucketId(day, page));
}
