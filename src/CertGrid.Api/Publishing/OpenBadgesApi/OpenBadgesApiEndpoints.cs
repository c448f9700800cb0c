using System.Globalization;
using System.Text.Json.Nodes;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Learners;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access;
using CertGrid.Api.OAuth;
using CertGrid.Domain.Credentials.Badges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// The Open Badges 3.0 REST API (<c>/ims/ob/v3p0</c>, OB 3.0 section 6): discovery, <c>getCredentials</c> with the
/// paging headers, <c>upsertCredential</c>, <c>getProfile</c> and <c>putProfile</c>, each for the learner an OAuth 2.0
/// access token names and only with the scope it needs; and the learner's signed CLR 2.0 record.
/// </summary>
public static class OpenBadgesApiEndpoints
{
    public const string Base = "/ims/ob/v3p0";
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapOpenBadgesApiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Base}/discovery", (HttpRequest request) => Results.Json(OpenBadgesDiscovery.Document($"{request.Scheme}://{request.Host}")));
        app.MapGet(Base, () => Results.Redirect($"{Base}/discovery"));
        app.MapGet(OpenBadgesDiscovery.ImagePath, () => new CacheControlResult(
            Results.Text(BadgeSvg.Render("Open Badges API", Domain.Programs.CredentialTier.Advanced, "CertGrid"), "image/svg+xml"), "public, max-age=86400"));

        app.MapGet($"{Base}/credentials", async (HttpContext http, OpenBadgesApiAccess access, IGrainFactory grains, string? limit, string? offset) =>
        {
            var (grant, refusal) = await access.DemandAsync(http, OpenBadgesScopes.CredentialRead);
            if (grant is null)
            {
                return refusal!;
            }

            if (!TryReadPaging(limit, offset, out var take, out var skip, out var problem))
            {
                return ImsxStatus.Failure(StatusCodes.Status400BadRequest, "invalid_query_parameter", problem);
            }

            var (issued, issuedTotal) = await grains.GetGrain<ILearnerRecordExportGrain>(grant.Community).ListJwtsAsync(grant.LearnerId, skip, take);
            var hostedSkip = Math.Max(skip - issuedTotal, 0);
            var hosted = await grains.HostedCredentials(grant.Community, grant.LearnerId).ListAsync(hostedSkip, take - issued.Count);
            var total = issuedTotal + hosted.Total;
            http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.Link = PagingLinks.Header($"{http.Request.Scheme}://{http.Request.Host}{Base}/credentials", skip, take, total);
            return Results.Json(new Dictionary<string, object>
            {
                ["compactJwsString"] = issued.Concat(hosted.Items.Where(c => c.IsCompactJws).Select(c => c.Content)).ToList(),
                ["credential"] = hosted.Items.Where(c => !c.IsCompactJws).Select(c => JsonNode.Parse(c.Content)).ToList(),
            });
        });

        app.MapPost($"{Base}/credentials", async (HttpContext http, OpenBadgesApiAccess access, IGrainFactory grains) =>
        {
            var (grant, refusal) = await access.DemandAsync(http, OpenBadgesScopes.CredentialUpsert);
            if (grant is null)
            {
                return refusal!;
            }

            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (!UpsertedCredential.TryRead(http.Request.ContentType, body, out var credential, out var error))
            {
                return ImsxStatus.Invalid(error);
            }

            try
            {
                var created = await grains.HostedCredentials(grant.Community, grant.LearnerId).UpsertAsync(credential.Content, credential.IsCompactJws, credential.Id);
                return Results.Text(credential.Content, credential.IsCompactJws ? "text/plain" : "application/json",
                    statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            }
            catch (CertGridException ex)
            {
                return ImsxStatus.From(ex);
            }
        });

        app.MapGet($"{Base}/profile", async (HttpContext http, OpenBadgesApiAccess access, IGrainFactory grains) =>
        {
            var (grant, refusal) = await access.DemandAsync(http, OpenBadgesScopes.ProfileRead);
            return grant is null
                ? refusal!
                : Results.Json(OpenBadgesProfile.Document(grant.Community, await grains.Learner(grant.Community, grant.LearnerId).GetAsync()));
        });

        app.MapPut($"{Base}/profile", async (HttpContext http, OpenBadgesApiAccess access, IGrainFactory grains, VerificationEpoch epoch) =>
        {
            var (grant, refusal) = await access.DemandAsync(http, OpenBadgesScopes.ProfileUpdate);
            if (grant is null)
            {
                return refusal!;
            }

            using var reader = new StreamReader(http.Request.Body);
            var learner = grains.Learner(grant.Community, grant.LearnerId);
            if (!OpenBadgesProfile.TryReadUrl(await reader.ReadToEndAsync(), await learner.GetAsync(), out var url, out var error))
            {
                return ImsxStatus.Invalid(error);
            }

            try
            {
                var changed = await learner.SetPublicProfileUrlAsync(url);
                epoch.Advance(); // verification pages showing the holder are rendered again
                return Results.Json(OpenBadgesProfile.Document(grant.Community, changed));
            }
            catch (CertGridException ex)
            {
                return ImsxStatus.From(ex);
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

    private static bool TryReadPaging(string? limit, string? offset, out int take, out int skip, out string problem)
    {
        take = 20;
        skip = 0;
        problem = string.Empty;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take < 1))
        {
            problem = "'limit' must be a positive whole number.";
            return false;
        }

        if (offset is not null && !int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
        {
            problem = "'offset' must be zero or a positive whole number.";
            return false;
        }

        take = Math.Min(take, MaxPageSize);
        return true;
    }
}
