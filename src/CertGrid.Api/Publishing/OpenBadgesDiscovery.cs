using System.Text.Json.Nodes;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The Open Badges 3.0 service description document (<c>/ims/ob/v3p0/discovery</c>): an OpenAPI 3.0 file naming
/// the endpoints this deployment supports, with the 1EdTech <c>x-imssf-*</c> extensions. Every URL in it resolves.
/// </summary>
public static class OpenBadgesDiscovery
{
    public const string ImagePath = OpenBadgesApiEndpoints.Base + "/logo.svg";

    public static JsonObject Document(string origin) => new()
    {
        ["openapi"] = "3.0.1",
        ["info"] = new JsonObject
        {
            ["title"] = "CertGrid Open Badges API",
            ["version"] = "3.0",
            ["x-imssf-privacyPolicyUrl"] = origin + PrivacyPolicyPage.Path,
            ["x-imssf-image"] = origin + ImagePath,
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = origin + OpenBadgesApiEndpoints.Base }),
        ["paths"] = new JsonObject
        {
            ["/credentials"] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = "getCredentials",
                    ["summary"] = "The authenticated learner's credentials as compact VC-JWTs.",
                    ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
                },
            },
        },
        ["components"] = new JsonObject
        {
            ["securitySchemes"] = new JsonObject
            {
                ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "A CertGrid learner key." },
            },
        },
    };
}
