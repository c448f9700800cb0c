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
}
