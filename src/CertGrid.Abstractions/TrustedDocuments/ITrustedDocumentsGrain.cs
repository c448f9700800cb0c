using CertGrid.Domain.TrustedDocuments;

namespace CertGrid.Abstractions.TrustedDocuments;

/// <summary>
/// A community's trusted (persisted) GraphQL documents, named by their SHA-256, and who may only send those. Key: the
/// community id.
/// </summary>
public interface ITrustedDocumentsGrain : IGrainWithStringKey
{
    /// <summary>Registers a document (already checked to parse and to be within the limits). Idempotent by its text.</summary>
    Task<TrustedDocument> RegisterAsync(string text, string? name, string actor);

    /// <summary>Removes a document; requests naming it are refused from then on (gateways may answer from memory for a few seconds).</summary>
    Task RemoveAsync(string hash, string actor);

    [ReadOnly]
    Task<TrustedDocument?> FindAsync(string hash);

    [ReadOnly]
    Task<IReadOnlyList<TrustedDocument>> ListAsync();

    [ReadOnly]
    Task<TrustedDocumentPolicy> GetPolicyAsync();

    /// <summary>Requires (or stops requiring) registered documents of every key of the community (<paramref name="keyId"/> null) or of one key.</summary>
    Task<TrustedDocumentPolicy> RequireAsync(string? keyId, bool required, string actor);
}
