using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace CertGrid.Api.OAuth;

/// <summary>
/// The OB 3.0 API's OAuth 2.0 authorization server (OpenIddict): authorization code with PKCE (S256 only), refresh
/// tokens, RFC 7009 revocation, the OB 3.0 scopes. Its clients, authorizations and tokens live in grains
/// (<see cref="OAuthApplicationStore"/>, <see cref="OAuthAuthorizationStore"/>, <see cref="OAuthTokenStore"/>), and
/// every token is protected with ASP.NET Core Data Protection, whose key ring every replica shares in blob storage:
/// so any replica accepts, refreshes and revokes what another issued.
/// </summary>
public static class OAuthServer
{
    public static IServiceCollection AddCertGridOAuth(this IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.SetDefaultApplicationEntity<OAuthApplication>().ReplaceApplicationStore<OAuthApplication, OAuthApplicationStore>();
                core.SetDefaultAuthorizationEntity<OAuthAuthorization>().ReplaceAuthorizationStore<OAuthAuthorization, OAuthAuthorizationStore>();
                core.SetDefaultTokenEntity<OAuthToken>().ReplaceTokenStore<OAuthToken, OAuthTokenStore>();
            })
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(OAuthRoutes.Authorize)
                    .SetTokenEndpointUris(OAuthRoutes.Token)
                    .SetRevocationEndpointUris(OAuthRoutes.Revoke);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.Configure(options => options.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain));
                server.RegisterScopes([.. OpenBadgesScopes.All]);

                // The scopes are fixed (no scope store): an unknown one is refused here with invalid_scope.
                server.DisableScopeValidation();
                // Ordered after the redirect URI is checked against the client, so the error goes back to the client.
                server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler
                    .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order + 1)
                    .UseInlineHandler(context =>
                    {
                        if (context.Request.GetScopes().FirstOrDefault(scope => !OpenBadgesScopes.All.Contains(scope)) is { } unknown)
                        {
                            context.Reject(OpenIddictConstants.Errors.InvalidScope, $"The scope '{unknown}' is not an Open Badges 3.0 scope this server offers.");
                        }

                        return default;
                    }));

                server.AddEventHandler(RedirectAuthorizationErrors.Descriptor);

                // Every token is a Data Protection token (shared key ring); these keys only satisfy OpenIddict's
                // configuration check and sign nothing a client receives (no identity tokens are issued).
                server.UseDataProtection();
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.SetAccessTokenLifetime(TimeSpan.FromHours(1)).SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14));

                // TLS ends at the ingress in front of the gateway, as for the rest of the API.
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseDataProtection();
                validation.EnableTokenEntryValidation();
                // A consent the learner withdrew (or gave with a key since revoked) ends every token issued under it.
                validation.EnableAuthorizationEntryValidation();
                validation.UseAspNetCore();
            });

        // OpenIddict logs requests at Information; the consent form carries the learner's key, which must never be logged.
        services.AddLogging(logging => logging.AddFilter("OpenIddict", LogLevel.Warning));
        return services;
    }

    /// <summary>
    /// ASP.NET Core's own mark that the authentication middleware is in the pipeline. <c>WebApplication</c> puts one in
    /// front of every request when authentication services are registered and the app's builder does not carry it; our
    /// branch's builder carries its own copy, so without the mark on the app every request ran OpenIddict's server and
    /// validation handlers (about a quarter of the CPU of a verification).
    /// </summary>
    internal const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Runs the authorization server on its own paths, and token validation on the OB 3.0 REST API's (whose
    /// <c>OpenBadgesApiAccess</c> reads the token the validation handler extracted), so no other request pays for them.
    /// </summary>
    public static IApplicationBuilder UseCertGridOAuth(this IApplicationBuilder app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(OAuthRoutes.Prefix) || http.Request.Path.StartsWithSegments("/.well-known")
                || http.Request.Path.StartsWithSegments(Publishing.OpenBadgesApi.OpenBadgesApiEndpoints.Base),
            branch => branch.UseAuthentication());
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app;
    }
}
