using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Publishing;

/// <summary>The JSON error bodies of the public HTTP endpoints (never an HTML error page).</summary>
public static class PublicResults
{
    public static IResult NotFound(string what) =>
        Results.Json(new { error = new { code = "NOT_FOUND", message = $"No such {what}." } }, statusCode: StatusCodes.Status404NotFound);

    public static IResult Error(int status, ErrorCode code, string message) =>
        Results.Json(new { error = new { code = code.ToWireCode(), message } }, statusCode: status);

    public static IResult From(CertGridException error) => error.Code switch
    {
        ErrorCode.NotFound => Error(StatusCodes.Status404NotFound, error.Code, error.Message),
        ErrorCode.Forbidden => Error(StatusCodes.Status403Forbidden, error.Code, error.Message),
        ErrorCode.Unauthenticated => Error(StatusCodes.Status401Unauthorized, error.Code, error.Message),
        ErrorCode.RateLimited => Error(StatusCodes.Status429TooManyRequests, error.Code, error.Message),
        ErrorCode.Unavailable => Error(StatusCodes.Status503ServiceUnavailable, error.Code, error.Message),
        ErrorCode.Internal => Error(StatusCodes.Status500InternalServerError, error.Code, "Something went wrong on our side. It has been logged."),
        _ => Error(StatusCodes.Status400BadRequest, error.Code, error.Message),
    };
}
