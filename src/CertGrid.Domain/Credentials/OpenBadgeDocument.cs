using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertGrid.Domain.Programs;

namespace CertGrid.Domain.Credentials;

/// <summary>
/// Writes an Open Badges 3.0 AchievementCredential on the W3C Verifiable Credentials Data Model 2.0.
/// The holder appears only as a salted SHA-256 of their email (an IdentityObject), never in clear.
/// </summary>
public static class OpenBadgeDocument
{
    public const string VcContext = "https://www.w3.org/ns/credentials/v2";
    public const string ObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string SchemaUrl = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    public static JsonObject Build(CredentialContent content)
    {
        var document = new JsonObject
        {
            ["@context"] = new JsonArray(VcContext, ObContext),
            ["id"] = content.CredentialUrl,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = content.AchievementName,
            ["issuer"] = Issuer(content.Issuer),
            ["validFrom"] = Timestamp(content.ValidFrom),
            ["credentialSubject"] = Subject(content),
            ["credentialSchema"] = new JsonArray(new JsonObject
            {
                ["id"] = SchemaUrl,
                ["type"] = "1EdTechJsonSchemaValidator2019",
            }),
        };
        if (content.ValidUntil is { } until)
        {
            document["validUntil"] = Timestamp(until);
        }

        if (content.Evidence.Count > 0)
        {
            document["evidence"] = new JsonArray(content.Evidence.Select(Evidence).ToArray<JsonNode?>());
        }

        return document;
    }

    /// <summary>The Open Badges <c>achievementType</c> a tier is published as.</summary>
    public static string AchievementType(CredentialTier tier) => tier switch
    {
        CredentialTier.Foundational => "Certificate",
        CredentialTier.MicroCredential => "MicroCredential",
        _ => "Certification",
    };

    /// <summary>The <c>sha256$…</c> identity hash of an email with a salt, as Open Badges defines it.</summary>
    public static string IdentityHash(string email, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Issuer(IssuerProfile issuer)
    {
        var profile = new JsonObject
        {
            ["id"] = issuer.Id,
            ["type"] = new JsonArray("Profile"),
            ["name"] = issuer.Name,
        };
        AddIfPresent(profile, "url", issuer.Url);
        AddIfPresent(profile, "email", issuer.Email);
        AddIfPresent(profile, "description", issuer.Description);
        if (!string.IsNullOrWhiteSpace(issuer.ImageUrl))
        {
            profile["image"] = new JsonObject { ["id"] = issuer.ImageUrl, ["type"] = "Image" };
        }

        return profile;
    }

    private static JsonObject Subject(CredentialContent content) => new()
    {
        ["type"] = new JsonArray("AchievementSubject"),
        ["identifier"] = new JsonArray(new JsonObject
        {
            ["type"] = "IdentityObject",
            ["identityHash"] = IdentityHash(content.HolderEmail, content.IdentitySalt),
            ["identityType"] = "emailAddress",
            ["hashed"] = true,
            ["salt"] = content.IdentitySalt,
        }),
        ["achievement"] = Achievement(content),
        ["result"] = new JsonArray(content.Results.Select(r => (JsonNode)new JsonObject
        {
            ["type"] = new JsonArray("Result"),
            ["resultDescription"] = CriterionId(content, r.CriterionCode),
            ["achievedLevel"] = LevelId(content, r.CriterionCode, r.Level),
        }).ToArray()),
    };

    private static JsonObject Achievement(CredentialContent content)
    {
        var achievement = new JsonObject
        {
            ["id"] = content.AchievementUrl,
            ["type"] = new JsonArray("Achievement"),
            ["achievementType"] = AchievementType(content.Tier),
            ["name"] = content.AchievementName,
            ["description"] = content.AchievementDescription,
            ["criteria"] = new JsonObject { ["narrative"] = content.CriteriaNarrative },
            ["resultDescription"] = new JsonArray(content.Rubric.Criteria.Select(c => (JsonNode)ResultDescription(content, c)).ToArray()),
        };
        if (content.AchievementImageUrl is { } image)
        {
            achievement["image"] = new JsonObject { ["id"] = image, ["type"] = "Image" };
        }

        if (content.Alignments.Count > 0)
        {
            achievement["alignment"] = new JsonArray(content.Alignments.Select(a => (JsonNode)new JsonObject
            {
                ["type"] = new JsonArray("Alignment"),
                ["targetName"] = a.Name,
                ["targetCode"] = a.Code,
                ["targetFramework"] = a.FrameworkName,
                ["targetUrl"] = $"{a.FrameworkUrl}#{Uri.EscapeDataString(a.Code)}",
                ["targetType"] = "ceasn:Competency",
            }).ToArray());
        }

        return achievement;
    }

    private static JsonObject ResultDescription(CredentialContent content, RubricCriterion criterion) => new()
    {
        ["id"] = CriterionId(content, criterion.Code),
        ["type"] = new JsonArray("ResultDescription"),
        ["name"] = criterion.Name,
        ["resultType"] = "RubricCriterionLevel",
        ["alignment"] = new JsonArray(criterion.CompetencyCodes.Select(code => (JsonNode)new JsonObject
        {
            ["type"] = new JsonArray("Alignment"),
            ["targetName"] = code,
            ["targetCode"] = code,
            ["targetUrl"] = $"{content.AchievementUrl}#competency-{Uri.EscapeDataString(code)}",
            ["targetType"] = "ceasn:Competency",
        }).ToArray()),
        ["rubricCriterionLevel"] = new JsonArray(criterion.Levels.Select(level => (JsonNode)new JsonObject
        {
            ["id"] = LevelId(content, criterion.Code, level.Name),
            ["type"] = new JsonArray("RubricCriterionLevel"),
            ["name"] = level.Name,
            ["description"] = level.Descriptor ?? level.Name,
            ["points"] = level.Points.ToString(CultureInfo.InvariantCulture),
        }).ToArray()),
    };

    /// <summary>An evidence item; a link CertGrid never held (a direct award's evidence) has no hash to describe.</summary>
    private static JsonObject Evidence(EvidenceItem item)
    {
        var evidence = new JsonObject { ["id"] = item.Url, ["type"] = new JsonArray("Evidence"), ["name"] = item.Name };
        if (item.Sha256.Length > 0)
        {
            evidence["description"] = string.Create(CultureInfo.InvariantCulture, $"sha256:{item.Sha256} ({item.ContentType}, {item.SizeBytes} bytes)");
        }

        return evidence;
    }

    private static string CriterionId(CredentialContent content, string code) =>
        $"{content.AchievementUrl}#criterion-{Uri.EscapeDataString(code)}";

    private static string LevelId(CredentialContent content, string code, string level) =>
        $"{CriterionId(content, code)}-level-{Uri.EscapeDataString(level.ToLowerInvariant().Replace(' ', '-'))}";

    private static void AddIfPresent(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[name] = value;
        }
    }
}
