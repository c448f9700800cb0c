using System.Globalization;
using CertGrid.Api.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Keyless endpoints that do real work (plain-HTTP verification) draw on the same per-address budget as anonymous
/// <c>/graphql</c> requests, so the public verifier cannot be used to get around the GraphQL rate limit.
/// </summary>
public sealed class AnonymousRateLimit(IRequestRateLimiter limiter, IOptions<RateLimitOptions> options)
{
    /// <summary>Null when the request may go ahead; otherwise the 429 answer, with <c>Retry-After</c>.</summary>
    public async Task<IResult?> RefuseAsync(HttpContext http)
    {
        var decision = await limiter.AcquireAsync(Caller.Anonymous.RateLimitPartition(http.Connection.RemoteIpAddress?.ToString()), options.Value.AnonymousPermitsPerWindow);
        if (decision.Allowed)
        {
            return null;
        }

        http.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = new { code = ErrorCode.RateLimited.ToWireCode(), message = decision.RefusalMessage } },
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
