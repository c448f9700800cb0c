using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Credentials.Badges;
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
        app.MapGet($"{Base}/discovery", (HttpRequest request) => Results.Json(OpenBadgesDiscovery.Document($"{request.Scheme}://{request.Host}")));
        app.MapGet(Base, () => Results.Redirect($"{Base}/discovery"));
        app.MapGet(OpenBadgesDiscovery.ImagePath, () => new CacheControlResult(
            Results.Text(BadgeSvg.Render("Open Badges API", Domain.Programs.CredentialTier.Advanced, "CertGrid"), "image/svg+xml"), "public, max-age=86400"));

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
                AccessRules.Learners.Demand(caller);
                var learnerId = caller.SubjectId!;
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
}
