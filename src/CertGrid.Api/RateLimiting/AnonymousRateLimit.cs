using System.Globalization;
using CertGrid.Api.Access;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Keyless endpoints that do real work (plain-HTTP verification) draw on the same per-address budget as anonymous
/// <c>/graphql</c> requests, so the public verifier cannot be used to get around the GraphQL rate limit.
/// </summary>
public sealed class AnonymousRateLimit(CallerBudgets budgets)
{
    /// <summary>Null when the request may go ahead; otherwise the 429 answer, with <c>Retry-After</c>.</summary>
    public async Task<IResult?> RefuseAsync(HttpContext http)
    {
        var decision = await budgets.CountAsync(Caller.Anonymous, http.Connection.RemoteIpAddress?.ToString());
        if (decision.Allowed)
        {
            return null;
        }

        http.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = ErrorCode.RateLimited.ToWireCode(), message = decision.RefusalMessage } },
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
