using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Publishing;

/// <summary>Adds a Cache-Control header to another result.</summary>
internal sealed class CacheControlResult(IResult inner, string cacheControl) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.CacheControl = cacheControl;
        return inner.ExecuteAsync(httpContext);
    }
}
