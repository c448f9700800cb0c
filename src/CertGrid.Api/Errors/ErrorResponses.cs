using System.Globalization;
using CertGrid.Api.Publishing;
using CertGrid.Api.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Errors;

/// <summary>
/// The answers of the HTTP endpoints outside GraphQL when a request is not handled normally: always a JSON body
/// <c>{"error":{"code","message"}}</c> with a stable code and a message for a person, never an empty body, an HTML
/// page or an internal name. A value that cannot be read (a path segment or query parameter of the wrong type) is a
/// 400, a throttled key lookup a 429, a cluster or storage that does not answer a 503 with <c>Retry-After</c>; only a
/// bug is a 500.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UseCertGridErrorResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(failed => failed.Run(context =>
            WriteAsync(context, context.Features.Get<IExceptionHandlerFeature>()?.Error)));
        app.UseStatusCodePages(context => WriteStatusAsync(context.HttpContext));
        return app;
    }

    private static Task WriteAsync(HttpContext context, Exception? error)
    {
        switch (error)
        {
            case BadHttpRequestException bad:
                return WriteJsonAsync(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "REQUEST_TOO_LARGE" : "BAD_REQUEST",
                    bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request body is too large."
                        : "A value in the request could not be read: check that path segments and query parameters have the documented type and range.");
            case AuthenticationThrottledException throttled:
                context.Response.Headers.RetryAfter = throttled.Decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited.ToWireCode(), throttled.Message);
            case CertGridException known:
                return PublicResults.From(known).ExecuteAsync(context);
            case not null when ClusterUnavailability.Explains(error):
                context.Response.Headers.RetryAfter = ClusterUnavailability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return WriteJsonAsync(context, StatusCodes.Status503ServiceUnavailable, ErrorCode.Unavailable.ToWireCode(), ClusterUnavailability.Message);
            default:
                return WriteJsonAsync(context, StatusCodes.Status500InternalServerError, ErrorCode.Internal.ToWireCode(),
                    "Something went wrong on our side. It has been logged.");
        }
    }

    /// <summary>A status set without a body (no route matched, a method the route does not take): say what it means.</summary>
    private static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var (code, message) = status switch
        {
            StatusCodes.Status404NotFound => ("NOT_FOUND", "Nothing is published at this address. Check the URL."),
            StatusCodes.Status405MethodNotAllowed => ("METHOD_NOT_ALLOWED", "This address does not take that HTTP method."),
            StatusCodes.Status401Unauthorized => (ErrorCode.Unauthenticated.ToWireCode(), "This needs a key: send it as 'Authorization: Bearer <key>'."),
            StatusCodes.Status403Forbidden => (ErrorCode.Forbidden.ToWireCode(), "Your key does not allow this."),
            StatusCodes.Status413PayloadTooLarge => ("REQUEST_TOO_LARGE", "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => ("UNSUPPORTED_MEDIA_TYPE", "This address does not take a body of that content type."),
            StatusCodes.Status429TooManyRequests => (ErrorCode.RateLimited.ToWireCode(), "Too many requests; retry later."),
            >= 500 => (ErrorCode.Internal.ToWireCode(), "Something went wrong on our side. It has been logged."),
            _ => ("BAD_REQUEST", "The request could not be handled as sent."),
        };
        return WriteJsonAsync(context, status, code, message);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { code, message } });
    }
}
