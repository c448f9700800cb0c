using System.Text.Json;
using CertGrid.Abstractions.Communities;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Programs;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Consents.PublicLinks;
using CertGrid.Api.Credentials;
using CertGrid.Api.Publishing.CredentialPage;
using CertGrid.Api.Publishing.OpenBadgesApi;
using CertGrid.Api.RateLimiting;
using CertGrid.Domain.Credentials;
using CertGrid.Domain.Credentials.StatusLists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CertGrid.Api.Publishing;

/// <summary>
/// The keyless public surface verifiers and badge platforms use: issuer profiles, key sets, credentials,
/// achievement definitions, and plain-HTTP verification. Stable URLs (<see cref="PublicRoutes"/>), proper media
/// types and caching headers; an unknown id is a 404 with a JSON body, never an error page.
/// </summary>
public static class PublicEndpoints
{
    public const string VcJwtMediaType = "application/vc+jwt";
    public const string JwkSetMediaType = "application/jwk-set+json";
    public const string JwkMediaType = "application/jwk+json";
    public const string LdJsonMediaType = "application/ld+json";

    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.IssuerTemplate, async (string community, IGrainFactory grains, PublicRoutes routes) =>
            CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is { } info
                ? Json(PublicDocuments.IssuerProfile(routes, info), LdJsonMediaType, maxAgeSeconds: 300)
                : NotFound("issuer"));

        app.MapGet(PublicRoutes.DidDocumentTemplate, async (string community, IGrainFactory grains, PublicRoutes routes) =>
            CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is not null
                ? Json(PublicDocuments.DidDocument(routes, community, await grains.GetGrain<IIssuerGrain>(community).GetPublicKeysAsync(),
                    await grains.GetGrain<IIssuerGrain>(community).GetMultikeysAsync()), "application/did+json", maxAgeSeconds: 300)
                : NotFound("DID document"));

        app.MapGet(PublicRoutes.JwksTemplate, async (string community, IGrainFactory grains) =>
            CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is not null
                ? Json(PublicDocuments.KeySet(await grains.GetGrain<IIssuerGrain>(community).GetPublicKeysAsync()), JwkSetMediaType, maxAgeSeconds: 300)
                : NotFound("key set"));

        app.MapGet(PublicRoutes.SigningKeyTemplate, async (string community, string keyId, IGrainFactory grains) =>
            CommunityId.IsValid(community) && await grains.GetGrain<ICommunityGrain>(community).FindAsync() is not null
                && (await grains.GetGrain<IIssuerGrain>(community).GetPublicKeysAsync()).FirstOrDefault(k => k.KeyId == keyId && k.Published) is { } key
                ? Cached(Results.Text(key.JwkJson, JwkMediaType), maxAgeSeconds: 300)
                : NotFound("signing key"));

        app.MapGet(PublicRoutes.CredentialTemplate, async (string community, string credentialId, string? format, HttpRequest request, IGrainFactory grains, CredentialPageCache pages) =>
        {
            if (format is null && CredentialPageEndpoints.WantsPage(request))
            {
                return await CredentialPageEndpoints.PageAsync(community, credentialId, request, pages);
            }

            if (format is not (null or "jwt" or "json") || !CommunityId.IsValid(community) || !EntityId.IsValid(credentialId, IdPrefixes.Credential)
                || await grains.Credential(community, credentialId).FindAsync() is not { } credential)
            {
                return NotFound("credential");
            }

            // ?format=jwt|json is a download (the page's links); otherwise Accept decides.
            request.HttpContext.Response.Headers.Vary = "Accept";
            if (format is not null)
            {
                request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{credentialId}.{format}\"";
            }

            var wantsJwt = format == "jwt" || (format is null && request.Headers.Accept.ToString().Contains(VcJwtMediaType, StringComparison.OrdinalIgnoreCase));
            if (wantsJwt && !credential.ProofFormat.OffersJwt())
            {
                return Results.Json(new { error = new { code = "NOT_ACCEPTABLE", message = "This credential is offered with a Data Integrity proof only: ask for application/ld+json." } },
                    statusCode: StatusCodes.Status406NotAcceptable);
            }

            // The JSON form is the credential secured with its Data Integrity proof when the community offers one.
            return wantsJwt
                ? Cached(Results.Text(credential.Jwt, VcJwtMediaType), maxAgeSeconds: 60)
                : Cached(Results.Text(credential.DataIntegrityJson ?? credential.DocumentJson, LdJsonMediaType), maxAgeSeconds: 60);
        });

        app.MapCredentialPage();
        app.MapPublicLinkPage();

        app.MapGet(PublicRoutes.AchievementTemplate, async (string community, string definitionId, IGrainFactory grains, PublicRoutes routes) =>
        {
            if (!CommunityId.IsValid(community) || !EntityId.IsValid(definitionId, IdPrefixes.CredentialDefinition))
            {
                return NotFound("achievement");
            }

            try
            {
                var definition = await grains.CredentialDefinition(community, definitionId).GetAsync();
                return definition.Status == PublicationStatus.Published
                    ? Json(PublicDocuments.Achievement(routes, community, definition), LdJsonMediaType, maxAgeSeconds: 300)
                    : NotFound("achievement");
            }
            catch (CertGridException ex) when (ex.Code == ErrorCode.NotFound)
            {
                return NotFound("achievement");
            }
        });

        app.MapGet(PublicRoutes.StatusListTemplate, async (string community, string purpose, int list, HttpRequest request, IGrainFactory grains) =>
        {
            if (!CommunityId.IsValid(community) || !StatusPurposes.TryParse(purpose, out var parsed) || list < 1
                || await grains.GetGrain<ICommunityGrain>(community).FindAsync() is null
                || list > await grains.StatusListAllocator(community, parsed).GetCurrentListAsync())
            {
                return NotFound("status list");
            }

            var published = await grains.StatusList(community, parsed, list).PublishAsync();
            var maxAge = (int)published.TimeToLive.TotalSeconds;
            return request.Headers.Accept.ToString().Contains(VcJwtMediaType, StringComparison.OrdinalIgnoreCase)
                ? Cached(Results.Text(published.Jwt, VcJwtMediaType), maxAge)
                : Cached(Results.Text(published.DocumentJson, LdJsonMediaType), maxAge);
        });

        app.MapGet(PublicRoutes.VerifyTemplate, async (HttpContext http, string? credential, VerificationCache verification, AnonymousRateLimit limit) =>
            await limit.RefuseAsync(http) ?? await VerifyAsync(credential, verification));
        app.MapPost(PublicRoutes.VerifyTemplate, async (HttpRequest request, VerificationCache verification, AnonymousRateLimit limit) =>
        {
            if (await limit.RefuseAsync(request.HttpContext) is { } refused)
            {
                return refused;
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var credential = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
                ? TryReadCredentialField(body)
                : body;
            return await VerifyAsync(credential, verification);
        });

        app.MapBadgeEndpoints();
        app.MapEvidenceEndpoints();
        app.MapOpenBadgesApiEndpoints();
        app.MapPrivacyPolicyPage();
        return app;
    }

    private static async Task<IResult> VerifyAsync(string? credential, VerificationCache verification)
    {
        if (string.IsNullOrWhiteSpace(credential) || credential.Length > Credentials.CredentialSchema.MaxCredentialInputLength)
        {
            return Results.Json(new { error = new { code = "VALIDATION_FAILED", message = "Send a VC-JWT, a Data Integrity credential (JSON) or a credential id URL as 'credential'." } },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await verification.VerifyAsync(credential);
        return Results.Json(result, VerificationJson.Options);
    }

    private static string? TryReadCredentialField(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            // {"credential": "<VC-JWT or id URL>"}, {"credential": {…a Data Integrity credential…}}, or the credential itself.
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("credential", out var value) ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Object => value.GetRawText(),
                    _ => null,
                }
                : root.TryGetProperty("proof", out _) ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CacheControlResult Json(object document, string mediaType, int maxAgeSeconds) =>
        Cached(Results.Text(JsonSerializer.Serialize(document), mediaType), maxAgeSeconds);

    private static CacheControlResult Cached(IResult result, int maxAgeSeconds) => new CacheControlResult(result, $"public, max-age={maxAgeSeconds}");

    private static IResult NotFound(string what) => PublicResults.NotFound(what);
}
