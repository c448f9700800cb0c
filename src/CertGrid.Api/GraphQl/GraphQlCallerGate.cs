using System.Collections.Concurrent;
using CertGrid.Api.Access;
using CertGrid.Api.Errors;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Who a GraphQL request comes from, for <c>/graphql</c> and its event streams alike: the API key or bearer token
/// authenticated (401 with <c>WWW-Authenticate</c> for a bad one) and the request counted against the caller's rate
/// limit (429), or 503 when the cluster does not answer. <c>/graphql</c> counts a request together with its cost
/// (<see cref="CallerBudgets.CountAndSpendAsync"/>, one Redis round trip) and so authenticates only
/// (<see cref="AuthenticateAsync"/>); a caller this gateway has seen over its request limit is then refused at once,
/// until its window ends, before its request is read.
/// </summary>
public sealed class GraphQlCallerGate(ApiKeyAuthenticator authenticator, CallerBudgets budgets, TimeProvider clock, ILogger<GraphQlCallerGate> logger)
{
    /// <summary>Partitions seen over their request limit, each until its window ends; forgotten wholesale past this many.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, RateLimitDecision Decision)> _overLimit = new();

    /// <summary>The caller, counted against their request limit, or the problem to answer instead.</summary>
    public async Task<(Caller? Caller, HttpProblem? Refused)> AdmitAsync(HttpContext http)
    {
        var (caller, refused) = await AuthenticateAsync(http);
        if (refused is not null)
        {
            return (null, refused);
        }

        var counted = await budgets.CountAsync(caller!, Address(http));
        return counted.Allowed ? (caller, null) : (null, OverLimit(caller!, http, counted));
    }

    /// <summary>
    /// The caller, not counted yet (the caller counts the request with its cost), or the problem to answer instead:
    /// authentication's, or 429 when this gateway saw the caller over its request limit in the current window.
    /// </summary>
    public async Task<(Caller? Caller, HttpProblem? Refused)> AuthenticateAsync(HttpContext http)
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

        var partition = caller.RateLimitPartition(Address(http));
        if (_overLimit.TryGetValue(partition, out var known))
        {
            var left = known.Until - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                var decision = known.Decision with { RetryAfter = left };
                return (null, HttpProblem.RateLimited(decision.RefusalMessage, decision.RetryAfterSeconds));
            }

            _overLimit.TryRemove(partition, out _);
        }

        return (caller, null);
    }

    /// <summary>The 429 for a request its count refused; the gateway refuses the caller's next ones at once until the window ends.</summary>
    public HttpProblem OverLimit(Caller caller, HttpContext http, RateLimitDecision decision)
    {
        if (_overLimit.Count >= MaxRemembered)
        {
            _overLimit.Clear();
        }

        _overLimit[caller.RateLimitPartition(Address(http))] = (clock.GetUtcNow() + decision.RetryAfter, decision);
        return HttpProblem.RateLimited(decision.RefusalMessage, decision.RetryAfterSeconds);
    }

    public static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
