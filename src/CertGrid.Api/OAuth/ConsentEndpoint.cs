using System.Security.Claims;
using CertGrid.Abstractions.OAuth;
using CertGrid.Api.Access;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Orleans;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertGrid.Api.OAuth;

/// <summary>
/// The authorization endpoint after OpenIddict validated the request (client, redirect URI, scopes, PKCE): the
/// resource owner is a learner, who signs in on the consent page with their learner key and allows or denies.
/// Allowing issues an authorization code for the subject <c>{community}/{learnerId}</c> with the requested scopes;
/// denying returns <c>access_denied</c> to the client. Consent is asked every time (nothing is remembered).
/// </summary>
public static class ConsentEndpoint
{
    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OAuthRoutes.Authorize, [HttpMethods.Get, HttpMethods.Post], async (
            HttpContext http, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, IGrainFactory grains,
            ApiKeyAuthenticator keys, AnonymousRateLimit limit) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The authorization request was not validated by the authorization server.");
            var client = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The validated client is missing.");
            var clientName = await applications.GetDisplayNameAsync(client) ?? request.ClientId!;
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var decision = form?["decision"].ToString();
            if (decision == "deny")
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The learner denied the request.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            if (decision != "allow")
            {
                return Page(http, clientName, request, error: null);
            }

            if (await limit.RefuseAsync(http) is { } refused)
            {
                return refused;
            }

            var caller = await LearnerAsync(keys, form!["learner_key"].ToString(), http.Connection.RemoteIpAddress?.ToString());
            if (caller is null)
            {
                return Page(http, clientName, request, "That is not a valid learner key. Paste the key your community gave you as a learner.");
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            var subject = new LearnerSubject(caller.Community!, caller.SubjectId!).ToString();
            identity.SetClaim(Claims.Subject, subject);
            // A client registered for refresh tokens gets one: OpenIddict issues it for the offline_access scope.
            var scopes = request.GetScopes();
            identity.SetScopes(await applications.HasPermissionAsync(client, Permissions.GrantTypes.RefreshToken) ? scopes.Add(Scopes.OfflineAccess) : scopes);
            identity.SetDestinations(_ => [Destinations.AccessToken]);

            // The consent is an authorization of its own, recorded on the learner (who can list and withdraw it) with
            // the key that gave it (revoking that key withdraws it); every token is issued under it.
            var authorization = await authorizations.CreateAsync(new ClaimsPrincipal(identity), subject, (await applications.GetIdAsync(client))!,
                AuthorizationTypes.AdHoc, identity.GetScopes());
            var authorizationId = (await authorizations.GetIdAsync(authorization))!;
            identity.SetAuthorizationId(authorizationId);
            await grains.LearnerOAuthGrants(caller.Community!, caller.SubjectId!)
                .RecordAsync(new ClientGrant(authorizationId, request.ClientId!, clientName, [.. scopes], default, null, caller.KeyId!));
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        return app;
    }

    private static async Task<Caller?> LearnerAsync(ApiKeyAuthenticator keys, string key, string? address)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 500)
        {
            return null;
        }

        try
        {
            var caller = await keys.AuthenticateKeyAsync(key.Trim(), address);
            return caller is { Kind: CallerKind.Member, Role: Domain.Access.Role.Learner, SubjectId: not null } ? caller : null;
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Unauthenticated)
        {
            return null;
        }
    }

    private static IResult Page(HttpContext http, string clientName, OpenIddictRequest request, string? error)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Frame-Options"] = "DENY";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        var parameters = request.GetParameters().Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? string.Empty));
        return Results.Content(ConsentPageHtml.Render(clientName, request.GetScopes(), parameters, error), "text/html; charset=utf-8",
            statusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
