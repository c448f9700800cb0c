using System.Text.Json.Nodes;

namespace CertGrid.Domain.Credentials;

/// <summary>
/// A learner's Comprehensive Learner Record (CLR 2.0 ClrCredential) on the VC 2.0 data model: every valid
/// credential of the learner, each embedded as an EnvelopedVerifiableCredential that carries its own VC-JWT, so
/// each stays independently verifiable inside the signed record.
/// </summary>
public static class ClrDocument
{
    public const string ClrContext = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    public static JsonObject Build(string id, IssuerProfile issuer, string learnerName, string holderEmail, string salt,
        DateTimeOffset issuedAt, IReadOnlyList<(string Jwt, string AchievementName)> credentials) => new()
    {
        ["@context"] = new JsonArray(OpenBadgeDocument.VcContext, ClrContext, OpenBadgeDocument.ObContext),
        ["id"] = id,
        ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
        ["name"] = $"Comprehensive Learner Record of {learnerName}",
        ["issuer"] = new JsonObject { ["id"] = issuer.Id, ["type"] = new JsonArray("Profile"), ["name"] = issuer.Name },
        ["validFrom"] = OpenBadgeDocument.Timestamp(issuedAt),
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("ClrSubject"),
            ["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityHash"] = OpenBadgeDocument.IdentityHash(holderEmail, salt),
                ["identityType"] = "emailAddress",
                ["hashed"] = true,
                ["salt"] = salt,
            }),
            ["verifiableCredential"] = new JsonArray(credentials.Select(c => (JsonNode)new JsonObject
            {
                ["@context"] = new JsonArray(OpenBadgeDocument.VcContext),
                ["id"] = $"data:application/vc+jwt,{c.Jwt}",
                ["type"] = "EnvelopedVerifiableCredential",
                ["name"] = c.AchievementName,
            }).ToArray()),
        },
    };
}
