namespace CertGrid.Abstractions.Renewals;

/// <summary>
/// One page of a community's deadlines due on one UTC day: the credentials whose next milestone falls that day,
/// packed at 13 bytes each. When a page is full, additions go to the next page. Processing asks each credential
/// to advance, in batches, and stores progress after each, so processing again never repeats a finished batch
/// (and advancing is idempotent anyway). Key: <c>{community}/{yyyyMMdd}-{page}</c>.
/// </summary>
public interface IRenewalBucketGrain : IGrainWithStringKey
{
    /// <summary>Registers a credential's deadline on this day. <see cref="BucketAddOutcome.DayPassed"/> when the day has begun: advance now instead.</summary>
    Task<BucketAddOutcome> AddAsync(string credentialId);

    /// <summary>Registers many deadlines at once (a backfill or a benchmark); returns how many were new.</summary>
    Task<int> AddManyAsync(IReadOnlyList<string> credentialIds);

    /// <summary>Forgets a credential's deadline (it moved). Idempotent; looks in later pages too.</summary>
    Task RemoveAsync(string credentialId);

    /// <summary>Advances up to <paramref name="maxEntries"/> more credentials of this page and stores the progress.</summary>
    Task<BucketProgress> ProcessAsync(int maxEntries);

    /// <summary>Deletes the page once its day is done.</summary>
    Task ClearAsync();

    [ReadOnly]
    Task<BucketInfo> DescribeAsync();
}

public enum BucketAddOutcome
{
    Added,
    AlreadyRegistered,
    DayPassed,
}

[GenerateSerializer, Immutable, Alias("certgrid.renewal-bucket-progress")]
public sealed record BucketProgress(
    [property: Id(0)] int Processed,
    [property: Id(1)] int Remaining,
    [property: Id(2)] int Deferred,
    [property: Id(3)] bool HasNextPage);

[GenerateSerializer, Immutable, Alias("certgrid.renewal-bucket-info")]
public sealed record BucketInfo(
    [property: Id(0)] int Count,
    [property: Id(1)] int Remaining,
    [property: Id(2)] bool HasNextPage,
    [property: Id(3)] int PackedBytes);
