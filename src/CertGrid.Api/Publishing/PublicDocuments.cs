using System.Text.Json.Nodes;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Domain.Credentials;

namespace CertGrid.Api.Publishing;

/// <summary>The JSON documents the public endpoints serve: issuer profile, key set and achievement definition.</summary>
public static class PublicDocuments
{
    public static JsonObject IssuerProfile(PublicRoutes routes, CommunityInfo community)
    {
        var profile = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeDocument.VcContext, OpenBadgeDocument.ObContext),
            ["id"] = routes.Issuer(community.Id),
            ["type"] = new JsonArray("Profile"),
            ["name"] = community.Name,
        };
        Add(profile, "url", community.Url);
        Add(profile, "email", community.Email);
        Add(profile, "description", community.Description);
        if (community.ImageUrl is { } image)
        {
            profile["image"] = new JsonObject { ["id"] = image, ["type"] = "Image" };
        }

        return profile;
    }

    public static JsonObject KeySet(IEnumerable<PublicSigningKey> keys) =>
        new() { ["keys"] = new JsonArray(keys.Where(k => k.Published).Select(k => JsonNode.Parse(k.JwkJson)).ToArray()) };

    /// <summary>
    /// The community's did:web DID document: its published JWS keys as JsonWebKey2020 and its Ed25519 keys as
    /// <c>Multikey</c> (<c>publicKeyMultibase</c>), all assertion methods.
    /// </summary>
    public static JsonObject DidDocument(PublicRoutes routes, string community, IEnumerable<PublicSigningKey> keys, IEnumerable<PublicMultikey> multikeys)
    {
        var did = routes.DidWeb(community);
        var methods = keys.Where(k => k.Published).Select(k => new JsonObject
        {
            ["id"] = $"{did}#{k.KeyId}",
            ["type"] = "JsonWebKey2020",
            ["controller"] = did,
            ["publicKeyJwk"] = JsonNode.Parse(k.JwkJson),
        }).Concat(multikeys.Select(k => new JsonObject
        {
            ["id"] = routes.DidVerificationMethod(community, k.PublicKeyMultibase),
            ["type"] = "Multikey",
            ["controller"] = did,
            ["publicKeyMultibase"] = k.PublicKeyMultibase,
        })).ToList();
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = did,
            ["alsoKnownAs"] = new JsonArray(routes.Issuer(community)),
            ["verificationMethod"] = new JsonArray(methods.Select(m => (JsonNode)m).ToArray()),
            ["assertionMethod"] = new JsonArray(methods.Select(m => (JsonNode)m["id"]!.GetValue<string>()).ToArray()),
        };
    }

    public static JsonObject Achievement(PublicRoutes routes, string community, CredentialDefinitionInfo definition) => new()
    {
        ["@context"] = new JsonArray(OpenBadgeDocument.VcContext, OpenBadgeDocument.ObContext),
        ["id"] = routes.Achievement(community, definition.Id),
        ["type"] = new JsonArray("Achievement"),
        ["achievementType"] = OpenBadgeDocument.AchievementType(definition.Tier),
        ["name"] = definition.Name,
        ["description"] = definition.Description,
        ["criteria"] = new JsonObject { ["narrative"] = definition.CriteriaNarrative },
        ["image"] = new JsonObject { ["id"] = routes.AchievementImage(community, definition.Id), ["type"] = "Image" },
        ["creator"] = new JsonObject { ["id"] = routes.Issuer(community), ["type"] = new JsonArray("Profile") },
    };

    private static void Add(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[name] = value;
        }
    }
}
