using System.Text.Json.Nodes;
using CertGrid.Api.OAuth;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// The Open Badges 3.0 service description document (<c>/ims/ob/v3p0/discovery</c>, OB 3.0 section 6.3.1): an
/// OpenAPI 3.0 file naming the operations this deployment supports and its OAuth 2.0 authorization code flow
/// (registration, authorization, token, refresh and revocation URLs, the OB 3.0 scopes), with the 1EdTech
/// <c>x-imssf-*</c> extensions. Every URL in it resolves.
/// </summary>
public static class OpenBadgesDiscovery
{
    public const string ImagePath = OpenBadgesApiEndpoints.Base + "/logo.svg";
    public const string SecurityScheme = "OAuth2ACG";

    public static JsonObject Document(string origin) => new()
    {
        ["openapi"] = "3.0.1",
        ["info"] = new JsonObject
        {
            ["title"] = "CertGrid Open Badges API",
            ["version"] = "3.0",
            ["termsOfService"] = origin + PrivacyPolicyPage.Path,
            ["x-imssf-privacyPolicyUrl"] = origin + PrivacyPolicyPage.Path,
            ["x-imssf-image"] = origin + ImagePath,
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = origin + OpenBadgesApiEndpoints.Base }),
        ["paths"] = new JsonObject
        {
            ["/credentials"] = new JsonObject
            {
                ["get"] = Operation("getCredentials", "The learner's credentials (issued here, and stored here by their clients), paged with X-Total-Count and Link.", OpenBadgesScopes.CredentialRead),
                ["post"] = Operation("upsertCredential", "Stores a credential in the learner's record, or replaces the one with the same id.", OpenBadgesScopes.CredentialUpsert),
            },
            ["/profile"] = new JsonObject
            {
                ["get"] = Operation("getProfile", "The learner's profile.", OpenBadgesScopes.ProfileRead),
                ["put"] = Operation("putProfile", "Changes the learner's public profile URL.", OpenBadgesScopes.ProfileUpdate),
            },
        },
        ["components"] = new JsonObject
        {
            ["securitySchemes"] = new JsonObject
            {
                [SecurityScheme] = new JsonObject
                {
                    ["type"] = "oauth2",
                    ["description"] = "OAuth 2.0 authorization code grant with PKCE (S256); clients register with RFC 7591.",
                    ["x-imssf-registrationUrl"] = origin + OAuthRoutes.Register,
                    ["flows"] = new JsonObject
                    {
                        ["authorizationCode"] = new JsonObject
                        {
                            ["authorizationUrl"] = origin + OAuthRoutes.Authorize,
                            ["tokenUrl"] = origin + OAuthRoutes.Token,
                            ["refreshUrl"] = origin + OAuthRoutes.Token,
                            ["x-imssf-revocationUrl"] = origin + OAuthRoutes.Revoke,
                            ["scopes"] = new JsonObject(OpenBadgesScopes.All.Select(s => KeyValuePair.Create(s, (JsonNode?)JsonValue.Create(OpenBadgesScopes.Describe(s))))),
                        },
                    },
                },
            },
        },
    };

    private static JsonObject Operation(string id, string summary, string scope) => new()
    {
        ["operationId"] = id,
        ["summary"] = summary,
        ["security"] = new JsonArray(new JsonObject { [SecurityScheme] = new JsonArray(scope) }),
    };
}
