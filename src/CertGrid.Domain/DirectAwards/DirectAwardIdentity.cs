using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertGrid.Domain.Retries;
using CertGrid.Domain.Tenancy;

namespace CertGrid.Domain.DirectAwards;

/// <summary>
/// What makes two direct awards the same: the credential id derives from the community and the external id alone, so the
/// same external id always reaches the same credential; the content fingerprint (credential, holder, source and evidence)
/// tells a repeat of the award (answered with the credential) from another award under a reused external id (CONFLICT).
/// </summary>
public static class DirectAwardIdentity
{
    /// <summary>The provenance a directly awarded credential names instead of an attempt.</summary>
    public const string AttemptPlaceholder = "automatic";

    private const string Place = "direct-award";

    public static string CredentialId(string community, string externalId) =>
        DerivedEntityId.From(Encoding.UTF8.GetBytes($"{Place}\n{community}\n{externalId}"), IdPrefixes.Credential, Place);

    /// <summary>The credential's provenance: <c>automatic:{source}</c>.</summary>
    public static string AwardedThrough(string source) => $"{AttemptPlaceholder}:{source}";

    /// <summary>A hash of what the award says once its learner is known (the evidence in the order given).</summary>
    public static string Fingerprint(DirectAward award, string learnerId) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new
    {
        award.DefinitionId, learnerId, award.ExternalId, award.Source, evidence = award.Evidence.Select(e => new[] { e.Url, e.Title }),
    })));
}
