namespace CertGrid.Abstractions.OAuth;

/// <summary>
/// A record of the OB 3.0 API's OAuth 2.0 authorization server, persisted before a call returns so every gateway
/// replica sees it. Keys: a registered client by its client id (clients are platform-wide: one wallet serves
/// learners of many communities); authorizations and tokens, which belong to the learner who consented,
/// <c>{community}/{id}</c> (see <see cref="OAuthGrainReferences"/>).
/// </summary>
public interface IOAuthRecordGrain : IGrainWithStringKey
{
    /// <summary>The record, or null when none is stored.</summary>
    [ReadOnly]
    Task<OAuthRecord?> FindAsync();

    /// <summary>
    /// Stores the record and returns its new version. With <paramref name="expectedVersion"/> null it must not exist
    /// yet; otherwise the stored version must still be that one. CONFLICT when either does not hold. An authorization or
    /// token is pruned after <paramref name="prunableAfter"/> (the latest instant given wins).
    /// </summary>
    Task<string> PutAsync(string json, string? expectedVersion, DateTimeOffset? prunableAfter = null);

    /// <summary>Deletes the record if its version is still <paramref name="expectedVersion"/>; CONFLICT otherwise. Idempotent once gone.</summary>
    Task DeleteAsync(string expectedVersion);

    /// <summary>
    /// Links an id to the record (a token to its authorization), keeping the record at least until
    /// <paramref name="prunableAfter"/> (the token's expiry). Idempotent; NOT_FOUND when no record is stored.
    /// </summary>
    Task LinkAsync(string id, DateTimeOffset? prunableAfter = null);

    /// <summary>
    /// Deletes the record if it is past the instant it may be pruned (by the domain clock), with the index of a reference
    /// token and an authorization's place in its learner's list; otherwise waits for that instant. Called by the
    /// community's deadline bucket, one-way (the record then cancels the bucket's deadline). Idempotent.
    /// </summary>
    [OneWay]
    Task PruneAsync();

    /// <summary>
    /// Marks the record revoked (an authorization or a token: its status becomes <c>revoked</c>, as OpenIddict's own
    /// revocation writes it) and returns the ids linked to it. Idempotent; nothing when no record is stored.
    /// </summary>
    Task<IReadOnlyList<string>> RevokeAsync();
}
