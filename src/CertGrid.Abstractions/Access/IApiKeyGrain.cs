namespace CertGrid.Abstractions.Access;

/// <summary>One API key. Key: <c>{community}/{keyId}</c>.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the key with a fresh 256-bit secret and returns it once. CONFLICT if the id is taken. The caller
    /// makes sure the community exists (the community grain itself, or an authenticated member of it).
    /// </summary>
    Task<IssuedApiKey> IssueAsync(IssueApiKey command, string actor);

    /// <summary>The key's facts and secret hash, or null if no such key exists.</summary>
    [ReadOnly]
    Task<ApiKeyCredential?> FindAsync();

    /// <summary>Revokes the key for good. Idempotent.</summary>
    Task<ApiKeyInfo> RevokeAsync(string actor);

    /// <summary>
    /// Replaces the key with a new one (<paramref name="newKeyId"/>) of the same role, subject, scopes, label and expiry,
    /// and returns the new secret once. This key keeps working for <paramref name="graceMinutes"/> (0: stops at once).
    /// NOT_FOUND for an unknown key; CONFLICT for a revoked, expired or already rotated one.
    /// </summary>
    Task<IssuedApiKey> RotateAsync(string newKeyId, int graceMinutes, string actor);

    /// <summary>Creates this key as the replacement of a rotated one (an effect of <see cref="RotateAsync"/>). Idempotent.</summary>
    Task AdoptRotationAsync(RotatedApiKey replacement);

    /// <summary>Records that the key authenticated a request now (at most once per recording interval).</summary>
    Task RecordUseAsync();
}
