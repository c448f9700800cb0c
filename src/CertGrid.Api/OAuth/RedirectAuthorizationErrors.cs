using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CertGrid.Api.OAuth;

/// <summary>
/// Sends an authorization request's error back to the client's redirect URI (RFC 6749 section 4.1.2.1), as OAuth
/// clients and 1EdTech's tests expect: <c>invalid_scope</c>, a missing PKCE challenge and the like. OpenIddict
/// answers every request that failed validation directly instead; this redirects only when the client exists and
/// the redirect URI is one it registered, so a request with a wrong client or redirect URI is still answered here.
/// </summary>
public sealed class RedirectAuthorizationErrors(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
        .UseScopedHandler<RedirectAuthorizationErrors>()
        .SetOrder(OpenIddictServerHandlers.Authentication.AttachRedirectUri.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.Request is not { ClientId: { Length: > 0 } clientId, RedirectUri: { Length: > 0 } redirectUri } request
            || string.IsNullOrEmpty(context.Response.Error) || !string.IsNullOrEmpty(context.RedirectUri)
            || !request.HasResponseType(OpenIddictConstants.ResponseTypes.Code))
        {
            return;
        }

        if (await applications.FindByClientIdAsync(clientId) is { } client && await applications.ValidateRedirectUriAsync(client, redirectUri))
        {
            context.RedirectUri = redirectUri;
        }
    }
}
