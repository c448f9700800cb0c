using CertGrid.Domain.Retries;

namespace CertGrid.Abstractions.Retries;

/// <summary>
/// The record of one idempotency key of one caller: the first request sent under it, whether it is running, and its
/// answer once it ran. Key: <c>{community}/idk_{hash of API key id and idempotency key}</c>
/// (<see cref="IdempotencyGrainReferences.IdempotencyRecord"/>), so every gateway replica sees the same record and a
/// silo failure only moves it. The record is written before the answer is sent.
/// </summary>
public interface IIdempotencyRecordGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request with this fingerprint, or says why not (replay, running, reused, unknown).</summary>
    Task<IdempotencyClaim> ClaimAsync(string fingerprint, bool safeToRunAgain, IdempotencyTerms terms);

    /// <summary>Keeps the answer of the request that holds <paramref name="claimId"/>; later retries get it.</summary>
    Task CompleteAsync(string claimId, RecordedAnswer answer);

    /// <summary>
    /// Gives the key up without an answer: forgotten when the request never ran (<paramref name="ran"/> false, e.g.
    /// refused by the rate limit), marked outcome-unknown when it ran but its answer was lost.
    /// </summary>
    Task AbandonAsync(string claimId, bool ran);

    /// <summary>
    /// The record's window has passed (its deadline in the community's bucket fell due): its stored state is cleared
    /// (entry and answer). Dispatched early (the key was used again and its expiry moved), it waits for the new end instead.
    /// </summary>
    [OneWay]
    Task ExpireAsync();

    /// <summary>Whether storage holds a record for the key (for operators and tests: swept records hold none).</summary>
    [ReadOnly]
    Task<bool> IsStoredAsync();
}
