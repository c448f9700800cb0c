using CertGrid.Api.Access;
using CertGrid.Api.Errors;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Who a GraphQL request comes from, for <c>/graphql</c> and its event streams alike: the API key or bearer token
/// authenticated (401 with <c>WWW-Authenticate</c> for a bad one) and the request counted against the caller's rate
/// limit (429), or 503 when the cluster does not answer.
/// </summary>
public sealed class GraphQlCallerGate(
    ApiKeyAuthenticator authenticator,
    IRequestRateLimiter rateLimiter,
    IOptions<RateLimitOptions> rateLimitOptions,
    ILogger<GraphQlCallerGate> logger)
{
    /// <summary>The caller, or the problem to answer instead when authentication or the rate limit refuses.</summary>
    public async Task<(Caller? Caller, HttpProblem? Refused)> AdmitAsync(HttpContext http)
    {
        Caller caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(http.Request);
        }
        catch (CertGridException ex) when (ex.Code == ErrorCode.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, new HttpProblem(StatusCodes.Status401Unauthorized, ex.Code.ToWireCode(), ex.Message));
        }
        catch (AuthenticationThrottledException ex)
        {
            return (null, HttpProblem.RateLimited(ex.Message, ex.Decision.RetryAfterSeconds));
        }
        catch (Exception ex) when (ClusterUnavailability.Explains(ex))
        {
            logger.LogWarning(ex, "The cluster did not answer while authenticating a GraphQL request");
            return (null, HttpProblem.Unavailable());
        }

        var limit = caller.Kind == CallerKind.Anonymous ? rateLimitOptions.Value.AnonymousPermitsPerWindow : rateLimitOptions.Value.PermitsPerWindow;
        var decision = await rateLimiter.AcquireAsync(caller.RateLimitPartition(Address(http)), limit);
        return decision.Allowed ? (caller, null) : (null, HttpProblem.RateLimited(decision.RefusalMessage, decision.RetryAfterSeconds));
    }

    public static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
