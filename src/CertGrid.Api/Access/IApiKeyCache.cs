namespace CertGrid.Api.Access;

/// <summary>
/// The API-key lookup cache shared by gateway replicas (Redis), or kept in process when Redis is not
/// configured. A miss falls through to the key's grain; a revocation removes the entry.
/// </summary>
public interface IApiKeyCache
{
    Task<CachedApiKey?> GetAsync(string community, string keyId);

    Task SetAsync(string community, string keyId, CachedApiKey key);

    Task RemoveAsync(string community, string keyId);
}
