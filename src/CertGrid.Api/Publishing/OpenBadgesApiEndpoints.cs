using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The read side of the Open Badges 3.0 REST API (<c>/ims/ob/v3p0</c>: discovery and the learner's credentials,
/// with the learner's key as bearer token) and the learner's signed CLR 2.0 record.
/// </summary>
public static class OpenBadgesApiEndpoints
{
    public const string Base = "/ims/ob/v3p0";

    public static IEndpointRouteBuilder MapOpenBadgesApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Base}/discovery", (HttpRequest request) => Results.Json(Discovery($"{request.Scheme}://{request.Host}")));

        app.MapGet($"{Base}/credentials", async (HttpRequest request, HttpResponse response, ApiKeyAuthenticator authenticator, IGrainFactory grains, string? limit, string? offset) =>
        {
            var (pageSize, badLimit) = QueryParameters.WholeNumber(limit, "limit", 1, 100);
            var (skipped, badOffset) = QueryParameters.WholeNumber(offset, "offset", 0, int.MaxValue);
            if ((badLimit ?? badOffset) is { } refused)
            {
                return refused;
            }

            try
            {
                var caller = await authenticator.AuthenticateAsync(request);
                var learnerId = caller.RequireLearner();
                var page = (int)(pageSize ?? 20);
                var skip = (int)(skipped ?? 0);
                var (jwts, total) = await grains.GetGrain<ILearnerRecordExportGrain>(caller.Community!).ListJwtsAsync(learnerId, skip, page);
                response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { compactJwsStrings = jwts });
            }
            catch (CertGridException ex)
            {
                return PublicResults.From(ex);
            }
        });

        app.MapGet(PublicRoutes.LearnerRecordTemplate, async (string community, string learnerId, HttpRequest request, ApiKeyAuthenticator authenticator, IGrainFactory grains) =>
        {
            try
            {
                var caller = await authenticator.AuthenticateAsync(request);
                if (caller.Community != community || !(caller.IsAdmin || caller.IsLearner(learnerId)))
                {
                    return PublicResults.Error(caller.Kind == CallerKind.Anonymous ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                        caller.Kind == CallerKind.Anonymous ? ErrorCode.Unauthenticated : ErrorCode.Forbidden,
                        "A learner's record is exported for the learner and the community's admins only.");
                }

                var export = await grains.GetGrain<ILearnerRecordExportGrain>(community).ExportClrAsync(learnerId);
                return request.Headers.Accept.ToString().Contains(PublicEndpoints.VcJwtMediaType, StringComparison.OrdinalIgnoreCase)
                    ? Results.Text(export.Jwt, PublicEndpoints.VcJwtMediaType)
                    : Results.Text(export.DocumentJson, PublicEndpoints.LdJsonMediaType);
            }
            catch (CertGridException ex)
            {
                return PublicResults.From(ex);
            }
        });

        return app;
    }

    /// <summary>The service description document: an OpenAPI 3.0 file naming the supported read endpoint.</summary>
    private static JsonObject Discovery(string origin) => new()
    {
        ["openapi"] = "3.0.1",
        ["info"] = new JsonObject
        {
            ["title"] = "CertGrid Open Badges API",
            ["version"] = "3.0",
            ["x-imssf-privacyPolicyUrl"] = $"{origin}/privacy",
            ["x-imssf-image"] = $"{origin}/graphql",
        },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = origin + Base }),
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
