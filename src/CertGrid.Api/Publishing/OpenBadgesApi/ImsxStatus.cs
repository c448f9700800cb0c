using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.Publishing.OpenBadgesApi;

/// <summary>
/// The OB 3.0 API's error body (<c>Imsx_StatusInfo</c>, OB 3.0 section 6.3) with the HTTP status it goes with; a
/// 401 or 403 also carries the RFC 6750 <c>WWW-Authenticate</c> challenge a client's OAuth library reads.
/// </summary>
public static class ImsxStatus
{
    public const string Realm = "CertGrid Open Badges API";

    public static IResult Failure(int status, string codeMinor, string description) => Results.Json(new Dictionary<string, object>
    {
        ["imsx_codeMajor"] = "failure",
        ["imsx_severity"] = "error",
        ["imsx_description"] = description,
        ["imsx_codeMinor"] = new Dictionary<string, object>
        {
            ["imsx_codeMinorField"] = new[] { new Dictionary<string, string> { ["imsx_codeMinorFieldName"] = "TargetEndSystem", ["imsx_codeMinorFieldValue"] = codeMinor } },
        },
    }, statusCode: status);

    /// <summary>No token (a bare challenge, RFC 6750 section 3.1) or one that is not valid (<c>invalid_token</c>).</summary>
    public static IResult Unauthorized(HttpResponse response, string? error, string description)
    {
        response.Headers.WWWAuthenticate = error is null
            ? $"Bearer realm=\"{Realm}\""
            : $"Bearer realm=\"{Realm}\", error=\"{error}\", error_description=\"{description}\"";
        return Failure(StatusCodes.Status401Unauthorized, "unauthorizedrequest", description);
    }

    /// <summary>A valid token without the scope the operation needs (<c>insufficient_scope</c>).</summary>
    public static IResult InsufficientScope(HttpResponse response, string scope)
    {
        var description = $"This operation needs the scope {scope}.";
        response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", error_description=\"{description}\", scope=\"{scope}\"";
        return Failure(StatusCodes.Status403Forbidden, "forbidden", description);
    }

    public static IResult Invalid(string description) => Failure(StatusCodes.Status400BadRequest, "invalid_data", description);

    public static IResult From(CertGridException error) => error.Code switch
    {
        ErrorCode.NotFound => Failure(StatusCodes.Status404NotFound, "not_found", error.Message),
        ErrorCode.Unavailable => Failure(StatusCodes.Status503ServiceUnavailable, "server_busy", error.Message),
        _ => Invalid(error.Message),
    };
}
