using System.Security.Cryptography;
using System.Text;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.TrustedDocuments;

/// <summary>
/// A trusted (persisted) document is named by the SHA-256 of its text as UTF-8: <c>sha256:&lt;64 lowercase hex&gt;</c>,
/// the form of GraphQL-over-HTTP's <c>documentId</c>; Apollo's <c>persistedQuery.sha256Hash</c> is the bare hex.
/// </summary>
public static class TrustedDocumentId
{
    public const string Prefix = "sha256:";

    /// <summary>The hex SHA-256 of a document.</summary>
    public static string HashOf(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static string Of(string document) => Prefix + HashOf(document);

    /// <summary>The hex hash an id names (with or without the <c>sha256:</c> prefix, any case).</summary>
    public static string RequireHash(string? id, string field)
    {
        var hash = id?.Trim() is { } trimmed && trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? trimmed[Prefix.Length..] : id?.Trim();
        return hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit)
            ? hash.ToLowerInvariant()
            : throw CertGridException.Invalid(field, $"'{field}' must be 'sha256:' followed by the 64 hex digits of the document's SHA-256 (UTF-8).");
    }
}
