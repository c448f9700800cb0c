using CertGrid.Abstractions.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// The verification page for people at <c>/c/{community}/credentials/{id}/page</c>, also served at the credential's
/// own URL to a browser (an <c>Accept</c> that names <c>text/html</c>). Never cached by a proxy (<c>no-cache</c>); the
/// gateway reuses a rendered page only while its checks still hold (<see cref="CredentialPageCache"/>).
/// </summary>
public static class CredentialPageEndpoints
{
    public static IEndpointRouteBuilder MapCredentialPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.CredentialPageTemplate, (string community, string credentialId, HttpRequest request, CredentialPageCache pages) =>
            PageAsync(community, credentialId, request, pages));
        return app;
    }

    /// <summary>A browser asks for HTML by name; a verifier asks for JSON-LD, a VC-JWT or anything (<c>*/*</c>).</summary>
    public static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task<IResult> PageAsync(string community, string credentialId, HttpRequest request, CredentialPageCache pages)
    {
        request.HttpContext.Response.Headers.Vary = "Accept, Accept-Language";
        var html = await pages.RenderAsync(community, credentialId, request.Headers.AcceptLanguage.ToString());
        return html is null
            ? PublicResults.NotFound("credential")
            : new CacheControlResult(Results.Bytes(html, "text/html; charset=utf-8"), "no-cache");
    }
}
