using CertGrid.Abstractions.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// The verification page for people at <c>/c/{community}/credentials/{id}/page</c>, also served at the credential's
/// own URL to a browser (an <c>Accept</c> that names <c>text/html</c>). Computed per request: never cached by a proxy.
/// </summary>
public static class CredentialPageEndpoints
{
    public static IEndpointRouteBuilder MapCredentialPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicRoutes.CredentialPageTemplate, (string community, string credentialId, HttpRequest request, CredentialPageLoader pages) =>
            PageAsync(community, credentialId, request, pages));
        return app;
    }

    /// <summary>A browser asks for HTML by name; a verifier asks for JSON-LD, a VC-JWT or anything (<c>*/*</c>).</summary>
    public static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task<IResult> PageAsync(string community, string credentialId, HttpRequest request, CredentialPageLoader pages)
    {
        request.HttpContext.Response.Headers.Vary = "Accept, Accept-Language";
        var model = await pages.LoadAsync(community, credentialId, request.Headers.AcceptLanguage.ToString());
        return model is null
            ? PublicResults.NotFound("credential")
            : new CacheControlResult(Results.Content(CredentialPageHtml.Render(model), "text/html; charset=utf-8"), "no-cache");
    }
}
