using System.Diagnostics.CodeAnalysis;
using CertGrid.Domain.Credentials.StatusLists;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Abstractions.Publishing;

/// <summary>
/// The stable public URLs of a community's issuer, keys, achievements and credentials. The ids inside signed
/// credentials are built here and the HTTP endpoints are mapped from the same templates, so they always agree.
/// </summary>
public sealed class PublicRoutes(Uri baseUrl)
{
    public const string IssuerTemplate = "/c/{community}/issuer";
    public const string JwksTemplate = "/c/{community}/.well-known/jwks.json";
    public const string SigningKeyTemplate = "/c/{community}/keys/{keyId}";
    public const string AchievementTemplate = "/c/{community}/achievements/{definitionId}";
    public const string FrameworkTemplate = "/c/{community}/frameworks/{frameworkId}";
    public const string CredentialTemplate = "/c/{community}/credentials/{credentialId}";
    public const string CredentialPageTemplate = "/c/{community}/credentials/{credentialId}/page";
    public const string StatusListTemplate = "/c/{community}/status/{purpose}/{list:int}";
    public const string DidDocumentTemplate = "/c/{community}/did.json";
    public const string AchievementImageTemplate = "/c/{community}/achievements/{definitionId}/image.{format}";
    public const string BakedBadgeTemplate = "/c/{community}/credentials/{credentialId}/badge.{format}";
    public const string EvidenceTemplate = "/c/{community}/credentials/{credentialId}/evidence/{artifactId}";
    public const string LearnerRecordTemplate = "/c/{community}/learners/{learnerId}/clr";
    public const string VerifyTemplate = "/verify";
    public const string SharedLinkTemplate = "/c/{community}/shared/{token}";
    public const string UnsubscribeTemplate = "/email/unsubscribe";

    public const string WalletTokenTemplate = "/c/{community}/oid4vci/token";
    public const string WalletCredentialTemplate = "/c/{community}/oid4vci/credential";

    private readonly string _base = baseUrl.ToString().TrimEnd('/');

    /// <summary>The community's OpenID4VCI credential issuer identifier (also its OAuth authorization server's issuer).</summary>
    public string CredentialIssuer(string community) => $"{_base}/c/{community}";

    public string WalletToken(string community) => $"{_base}/c/{community}/oid4vci/token";

    public string WalletCredential(string community) => $"{_base}/c/{community}/oid4vci/credential";

    public string Issuer(string community) => $"{_base}/c/{community}/issuer";

    public string Jwks(string community) => $"{_base}/c/{community}/.well-known/jwks.json";

    /// <summary>One published signing key as a JWK: the <c>kid</c> of every JWT the community signs (OB 3.0 section 8.2.3).</summary>
    public string SigningKey(string community, string keyId) => $"{_base}/c/{community}/keys/{keyId}";

    public string Achievement(string community, string definitionId) => $"{_base}/c/{community}/achievements/{definitionId}";

    public string Framework(string community, string frameworkId) => $"{_base}/c/{community}/frameworks/{frameworkId}";

    public string Credential(string community, string credentialId) => $"{_base}/c/{community}/credentials/{credentialId}";

    /// <summary>The credential's verification page for people (the credential URL also serves it to browsers).</summary>
    public string CredentialPage(string community, string credentialId) => $"{Credential(community, credentialId)}/page";

    public string StatusList(string community, StatusPurpose purpose, int listNumber) =>
        $"{_base}/c/{community}/status/{purpose.ToWireName()}/{listNumber}";

    public string AchievementImage(string community, string definitionId, string format = "svg") =>
        $"{Achievement(community, definitionId)}/image.{format}";

    public string BakedBadge(string community, string credentialId, string format = "svg") =>
        $"{Credential(community, credentialId)}/badge.{format}";

    /// <summary>A learner's public link to one credential (the token is its secret).</summary>
    public string SharedLink(string community, string token) => $"{_base}/c/{community}/shared/{token}";
    /// <summary>The one-click unsubscribe link of a notice email (the token names the person and the topic).</summary>
    public string Unsubscribe(string token) => $"{_base}{UnsubscribeTemplate}?token={Uri.EscapeDataString(token)}";

    public string LearnerRecord(string community, string learnerId) => $"{_base}/c/{community}/learners/{learnerId}/clr";

    /// <summary>The community's did:web identifier: the host (with its port percent-encoded) and the path, colon-separated.</summary>
    public string DidWeb(string community)
    {
        var uri = new Uri(_base);
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}%3A{uri.Port}";
        var path = string.Join(':', uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries));
        return path.Length == 0 ? $"did:web:{host}:c:{community}" : $"did:web:{host}:{path}:c:{community}";
    }

    public string Evidence(string community, string credentialId, string artifactId) =>
        $"{Credential(community, credentialId)}/evidence/{artifactId}";

    /// <summary>The verification method of one of the community's Ed25519 Multikeys: its DID URL.</summary>
    public string DidVerificationMethod(string community, string publicKeyMultibase) => $"{DidWeb(community)}#{publicKeyMultibase}";

    /// <summary>
    /// The community of an issuer id minted by this deployment: its issuer profile URL, or its did:web (the issuer of
    /// credentials that carry a Data Integrity proof).
    /// </summary>
    public bool TryParseIssuer(string? issuerUrl, [NotNullWhen(true)] out string? community)
    {
        community = null;
        var didPrefix = DidWeb(string.Empty);
        if (issuerUrl is not null && issuerUrl.StartsWith(didPrefix, StringComparison.Ordinal))
        {
            var didCommunity = issuerUrl[didPrefix.Length..];
            community = CommunityId.IsValid(didCommunity) ? didCommunity : null;
            return community is not null;
        }

        var segments = RelativeSegments(issuerUrl);
        if (segments is ["c", var slug, "issuer"] && CommunityId.IsValid(slug))
        {
            community = slug;
            return true;
        }

        return false;
    }

    /// <summary>The community and key id (RFC 7638 thumbprint) of a signing-key URL minted by this deployment.</summary>
    public bool TryParseSigningKey(string? keyUrl, [NotNullWhen(true)] out ScopedKey? key)
    {
        key = null;
        var segments = RelativeSegments(keyUrl);
        if (segments is ["c", var slug, "keys", var id] && CommunityId.IsValid(slug) && id.Length is > 0 and <= 64)
        {
            key = new ScopedKey(slug, id);
            return true;
        }

        return false;
    }

    /// <summary>The community and credential id of a credential URL minted by this deployment.</summary>
    public bool TryParseCredential(string? credentialUrl, [NotNullWhen(true)] out ScopedKey? key)
    {
        key = null;
        var segments = RelativeSegments(credentialUrl);
        if (segments is ["c", var slug, "credentials", var id] && CommunityId.IsValid(slug) && EntityId.IsValid(id, IdPrefixes.Credential))
        {
            key = new ScopedKey(slug, id);
            return true;
        }

        return false;
    }

    /// <summary>The community, purpose and number of a status list URL minted by this deployment.</summary>
    public bool TryParseStatusList(string? listUrl, [NotNullWhen(true)] out (string Community, StatusPurpose Purpose, int ListNumber)? list)
    {
        list = null;
        var segments = RelativeSegments(listUrl);
        if (segments is ["c", var slug, "status", var purpose, var number] && CommunityId.IsValid(slug)
            && StatusPurposes.TryParse(purpose, out var parsedPurpose) && int.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            list = (slug, parsedPurpose, n);
            return true;
        }

        return false;
    }

    private string[]? RelativeSegments(string? url)
    {
        if (url is null || !url.StartsWith(_base + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = url[_base.Length..].Split('?', '#')[0];
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }
}
