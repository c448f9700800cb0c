using CertGrid.Abstractions.OAuth;
using CertGrid.Api.Access;
using CertGrid.Api.OAuth;
using CertGrid.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Orleans;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// Decides who an OB 3.0 API request acts for: an OAuth 2.0 access token from our authorization server (checked
/// against its token entry and its authorization, so a revoked token or a withdrawn consent is refused at once on every
/// replica), or, as a documented
/// convenience for reading credentials only, a CertGrid learner key.
/// </summary>
public sealed class OpenBadgesApiAccess(ApiKeyAuthenticator keys, IGrainFactory grains)
{
    /// <summary>The grant when it includes <paramref name="scope"/>; otherwise the standard refusal to send.</summary>
    public async Task<(OpenBadgesApiGrant? Grant, IResult? Refusal)> DemandAsync(HttpContext http, string scope)
    {
        var authorization = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ImsxStatus.Unauthorized(http.Response, null, "Send an OAuth 2.0 access token as 'Authorization: Bearer <token>'."));
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.StartsWith(ApiKeyToken.CommunityPrefix + ".", StringComparison.Ordinal))
        {
            return await LearnerKeyAsync(http, token, scope);
        }

        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || !LearnerSubject.TryParse(result.Principal.GetClaim(OpenIddictConstants.Claims.Subject), out var subject))
        {
            return (null, ImsxStatus.Unauthorized(http.Response, "invalid_token", "The access token is not valid: it is unknown, expired or revoked."));
        }

        // The learner sees when each client they allowed last called the API.
        if (result.Principal.GetAuthorizationId() is { } authorizationId)
        {
            await grains.LearnerOAuthGrants(subject.Community, subject.LearnerId).TouchAsync(authorizationId);
        }

        var scopes = result.Principal.GetScopes().ToHashSet(StringComparer.Ordinal);
        return scopes.Contains(scope)
            ? (new OpenBadgesApiGrant(subject.Community, subject.LearnerId, scopes), null)
            : (null, ImsxStatus.InsufficientScope(http.Response, scope));
    }

    private async Task<(OpenBadgesApiGrant?, IResult?)> LearnerKeyAsync(HttpContext http, string token, string scope)
    {
        Caller caller;
        try
        {
            caller = await keys.AuthenticateKeyAsync(token, http.Connection.RemoteIpAddress?.ToString());
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Unauthenticated)
        {
            return (null, ImsxStatus.Unauthorized(http.Response, "invalid_token", ex.Message));
        }

        if (caller is not { Kind: CallerKind.Member, Role: Role.Learner, SubjectId: not null })
        {
            return (null, ImsxStatus.Failure(StatusCodes.Status403Forbidden, "forbidden", "Only a learner's own key reads their credentials here; other clients use OAuth 2.0."));
        }

        // A learner key is a convenience for reading one's credentials; everything else goes through OAuth 2.0.
        return scope == OpenBadgesScopes.CredentialRead
            ? (new OpenBadgesApiGrant(caller.Community!, caller.SubjectId, new HashSet<string> { scope }), null)
            : (null, ImsxStatus.InsufficientScope(http.Response, scope));
    }
}
