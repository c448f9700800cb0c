using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Publishing;
using CertGrid.Api.Publishing.CredentialPage;
using CertGrid.Domain.Consents.PublicLinks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Consents.PublicLinks;

/// <summary>
/// The page a public link opens, at <c>/c/{community}/shared/{token}</c>: the credential's verification page (only what
/// the holder made public). The link's grain is asked on every request and the answer is never stored (<c>no-store</c>),
/// so a revoked link answers 404 from the next request on, through any gateway. The URL's token never leaves as a referrer.
/// </summary>
public static class PublicLinkPageEndpoint
{
    public static IEndpointRouteBuilder MapPublicLinkPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.SharedLinkTemplate, async (string community, string token, HttpRequest request, IGrainFactory grains, CredentialPageCache pages) =>
        {
            var headers = request.HttpContext.Response.Headers;
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex";
            headers.CacheControl = "no-store";
            if (!CommunityId.IsValid(community) || !PublicLinkToken.IsWellFormed(token)
                || await grains.PublicLink(community, PublicLinkToken.Hash(token)).ResolveAsync() is not { } target)
            {
                return PublicResults.NotFound("public link");
            }

            var html = await pages.RenderAsync(community, target.CredentialId, request.Headers.AcceptLanguage.ToString());
            return html is null
                ? PublicResults.NotFound("public link")
                : new CacheControlResult(Results.Bytes(html, "text/html; charset=utf-8"), "no-store");
        });
        return app;
    }
}
