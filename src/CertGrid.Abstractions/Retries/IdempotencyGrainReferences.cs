using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Retries;

/// <summary>Typed references to the idempotency records of a community.</summary>
public static class IdempotencyGrainReferences
{
    /// <param name="recordId">The record's id within the community (<c>idk_…</c>, a hash of the caller and the key).</param>
    public static IIdempotencyRecordGrain IdempotencyRecord(this IGrainFactory grains, string community, string recordId) =>
        grains.InCommunity<IIdempotencyRecordGrain>(community, recordId);
}
