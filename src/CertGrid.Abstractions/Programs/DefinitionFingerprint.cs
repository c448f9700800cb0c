using System.Security.Cryptography;
using System.Text.Json;

namespace CertGrid.Abstractions.Programs;

/// <summary>
/// A short hash of everything a credential definition says (not its status or dates), its assessment and lifespan
/// policies included: what the steering committee approves when it approves publication. A definition or policy
/// changed after approval no longer matches, so it needs a new approval. Fields added to the definition later are
/// covered automatically. (After publication each policy change is approved on its own, see PolicyFingerprint.)
/// </summary>
public static class DefinitionFingerprint
{
    public static string Of(CredentialDefinitionInfo definition)
    {
        var content = definition with
        {
            Status = PublicationStatus.Draft, CreatedAt = default, PublishedAt = null, FrameworkVersion = null, Policy = null,
            AssessmentPolicy = definition.AssessmentPolicy ?? Domain.Assessments.AssessmentPolicy.Default,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(content);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..20];
    }
}

/// <summary>What the steering committee approves of a pathway: its content, not its status or dates.</summary>
public static class PathwayFingerprint
{
    public static string Of(Domain.Programs.Pathway pathway) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
        pathway with { Status = Domain.Programs.PathwayStatus.Draft, CreatedAt = default, ActivatedAt = null })))[..20];
}
