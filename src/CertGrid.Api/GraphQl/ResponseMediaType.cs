using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// The media type of a GraphQL response, negotiated from <c>Accept</c> as the GraphQL-over-HTTP spec says:
/// <c>application/graphql-response+json</c> when asked for, <c>application/json</c> for legacy clients,
/// <c>*/*</c> and a missing header included.
/// </summary>
public static class ResponseMediaType
{
    public const string GraphQlResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The type to answer with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList([accept], out var types))
        {
            return Json;
        }

        foreach (var type in types.Where(t => t.Quality is not 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var value = type.MediaType.Value;
            if (string.Equals(value, GraphQlResponse, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQlResponse;
            }

            if (string.Equals(value, Json, StringComparison.OrdinalIgnoreCase) || value is "*/*" or "application/*")
            {
                return Json;
            }
        }

        return null;
    }

    /// <summary>Whether a browser asks for a page rather than data.</summary>
    public static bool WantsHtml(string? accept) =>
        accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
