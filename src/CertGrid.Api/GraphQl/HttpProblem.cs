using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CertGrid.Api.GraphQl;

/// <summary>A request refused before execution: its HTTP status, GraphQL error code and message, and when to retry (429, 503).</summary>
public sealed record HttpProblem(int Status, string Code, string Message, int? RetryAfterSeconds = null)
{
    public static HttpProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, GraphQlErrors.BadRequest, message);

    public static HttpProblem UnsupportedMediaType() => new(StatusCodes.Status415UnsupportedMediaType, GraphQlErrors.UnsupportedMediaType,
        "Send POST requests with 'Content-Type: application/json' (UTF-8).");

    public static HttpProblem TooLarge(int maxBytes) => new(StatusCodes.Status413PayloadTooLarge, GraphQlErrors.RequestTooLarge,
        string.Create(CultureInfo.InvariantCulture, $"The request body is larger than {maxBytes} bytes."));

    /// <summary>A body the client did not finish sending (it closed the connection early, or sent it too slowly) or that was too large for the server.</summary>
    public static HttpProblem UnreadableBody(BadHttpRequestException unread) => unread.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new(unread.StatusCode, GraphQlErrors.RequestTooLarge, "The request body is larger than the server accepts."),
        StatusCodes.Status408RequestTimeout => new(unread.StatusCode, GraphQlErrors.BadRequest, "The request body arrived too slowly; send it again."),
        _ => BadRequest("The request body could not be read: it ended before the length it declared (Content-Length), or its HTTP framing was malformed."),
    };

    public static HttpProblem NotAcceptable() => new(StatusCodes.Status406NotAcceptable, GraphQlErrors.NotAcceptable,
        "Accept 'application/graphql-response+json' or 'application/json'.");

    public static HttpProblem MethodNotAllowed(string message) => new(StatusCodes.Status405MethodNotAllowed, GraphQlErrors.MethodNotAllowed, message);

    public static HttpProblem RateLimited(string message, int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, ErrorCode.RateLimited.ToWireCode(), message, retryAfterSeconds);

    public static HttpProblem Unavailable() => new(StatusCodes.Status503ServiceUnavailable, ErrorCode.Unavailable.ToWireCode(),
        Errors.ClusterUnavailability.Message, Errors.ClusterUnavailability.RetryAfterSeconds);
}
