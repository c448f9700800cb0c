using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Reads a GraphQL request from a GET query string or a POST <c>application/json</c> body, and says precisely
/// what is wrong with a malformed one. Bodies are read with a size limit. Reading (<see cref="ReadAsync"/>) and
/// parsing (<see cref="Parse"/>) are apart, so a request whose response is cached is never parsed.
/// </summary>
public sealed class GraphQlRequestReader(IGraphQLTextSerializer serializer, IGraphQLSerializer nodes)
{
    public static async Task<(RawGraphQlRequest? Request, HttpProblem? Problem)> ReadAsync(HttpRequest http, int maxBytes, CancellationToken cancellationToken)
    {
        return HttpMethods.IsGet(http.Method)
            ? (RawGraphQlRequest.FromQueryString(http.QueryString.Value ?? ""), null)
            : await ReadBodyAsync(http, maxBytes, cancellationToken);
    }

    public (GraphQLRequest? Request, HttpProblem? Problem) Parse(HttpRequest http, RawGraphQlRequest raw) =>
        HttpMethods.IsGet(http.Method) ? FromQueryString(http.Query) : ParseBody(raw.Bytes);

    private (GraphQLRequest?, HttpProblem?) FromQueryString(IQueryCollection query)
    {
        var text = query["query"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return (null, HttpProblem.BadRequest("The 'query' parameter is required."));
        }

        try
        {
            return (new GraphQLRequest
            {
                Query = text,
                OperationName = NullIfEmpty(query["operationName"].ToString()),
                Variables = NullIfEmpty(query["variables"].ToString()) is { } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = NullIfEmpty(query["extensions"].ToString()) is { } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return (null, HttpProblem.BadRequest("The 'variables' and 'extensions' parameters must be URL-encoded JSON objects."));
        }
    }

    private static async Task<(RawGraphQlRequest?, HttpProblem?)> ReadBodyAsync(HttpRequest http, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType) ||
            !string.Equals(contentType.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, HttpProblem.UnsupportedMediaType());
        }

        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, HttpProblem.UnsupportedMediaType());
        }

        if (http.ContentLength > maxBytes)
        {
            return (null, HttpProblem.TooLarge(maxBytes));
        }

        var raw = await RawGraphQlRequest.ReadBodyAsync(http.Body, http.ContentLength, maxBytes, cancellationToken);
        if (raw is null)
        {
            return (null, HttpProblem.TooLarge(maxBytes));
        }

        if (raw.Bytes.IsEmpty)
        {
            raw.Dispose();
            return (null, HttpProblem.BadRequest("The request body is empty; send a JSON object with a 'query'."));
        }

        return (raw, null);
    }

    private (GraphQLRequest?, HttpProblem?) ParseBody(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (null, HttpProblem.BadRequest("The request body is not valid JSON."));
        }

        using var parsed = document;
        var body = document.RootElement;
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, HttpProblem.BadRequest("The request body must be a JSON object."));
        }

        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(query.GetString()))
        {
            return (null, HttpProblem.BadRequest("'query' is required and must be a string."));
        }

        string? operationName = null;
        if (body.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return (null, HttpProblem.BadRequest("'operationName' must be a string or null."));
            }

            operationName = name.GetString();
        }

        if (!TryReadMap(body, "variables", out var variables) || !TryReadMap(body, "extensions", out var extensions))
        {
            return (null, HttpProblem.BadRequest("'variables' and 'extensions' must be JSON objects or null."));
        }

        return (new GraphQLRequest { Query = query.GetString(), OperationName = operationName, Variables = variables, Extensions = extensions }, null);
    }

    private bool TryReadMap(JsonElement body, string name, out Inputs? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = nodes.ReadNode<Inputs>(element);
        return true;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
