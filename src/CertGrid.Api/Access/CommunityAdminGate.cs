using System.Globalization;
using CertGrid.Api.Errors;
using CertGrid.Api.Publishing;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Access;

/// <summary>
/// The one check in front of the plain-HTTP documents only a community's admins read (the audit export, the quality
/// report): the key as Bearer, an admin of that community, within the key's rate limit. Every refusal is the JSON error
/// body of the public endpoints with the status a client acts on — 401 (with <c>WWW-Authenticate</c>), 403, 429 or 503
/// (with <c>Retry-After</c>) — never a 500.
/// </summary>
public sealed class CommunityAdminGate(ApiKeyAuthenticator authenticator, CallerBudgets budgets)
{
    /// <summary>The admin caller, or the response to send instead. <paramref name="document"/> names what is refused, e.g. "the audit export".</summary>
    public async Task<(Caller? Admin, IResult? Refusal)> AdmitAsync(HttpContext http, string community, string document)
    {
        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(http.Request);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Unauthenticated)
        {
            return (null, Unauthenticated(http, ex.Message));
        }
        catch (CertGridException ex)
        {
            return (null, PublicResults.From(ex));
        }
        catch (AuthenticationThrottledException ex)
        {
            return (null, RetryLater(http, StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited, ex.Message, ex.Decision.RetryAfterSeconds));
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex))
        {
            return (null, RetryLater(http, StatusCodes.Status503ServiceUnavailable, ErrorCode.Unavailable, ClusterUnavailability.Message, ClusterUnavailability.RetryAfterSeconds));
        }

        if (caller.Kind == CallerKind.Anonymous)
        {
            return (null, Unauthenticated(http, $"{Capitalised(document)} needs a community admin key: send it as 'Authorization: Bearer <key>'."));
        }

        if (!caller.IsAdmin || caller.Community != community)
        {
            return (null, PublicResults.Error(StatusCodes.Status403Forbidden, ErrorCode.Forbidden, $"Only an admin key of community '{community}' can read {document}."));
        }

        var decision = await budgets.CountAsync(caller, http.Connection.RemoteIpAddress?.ToString());
        return decision.Allowed
            ? (caller, null)
            : (null, RetryLater(http, StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited, decision.RefusalMessage, decision.RetryAfterSeconds));
    }

    private static IResult Unauthenticated(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return PublicResults.Error(StatusCodes.Status401Unauthorized, ErrorCode.Unauthenticated, message);
    }

    private static IResult RetryLater(HttpContext http, int status, ErrorCode code, string message, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return PublicResults.Error(status, code, message);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
