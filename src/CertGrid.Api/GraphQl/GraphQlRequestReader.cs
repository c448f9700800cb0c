using System.Text.Json;
using CertGrid.Api.TrustedDocuments;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CertGrid.Api.GraphQl;

/// <summary>
/// Reads a GraphQL request (its document as text, or the id of a registered one) from a GET query string or a POST
/// <c>application/json</c> body, and says precisely what is wrong with a malformed one. Bodies are read with a size limit. Reading (<see cref="ReadAsync"/>) and
/// parsing (<see cref="Parse"/>) are apart, so a request whose response is cached is never parsed.
/// </summary>
public sealed class GraphQlRequestReader(IGraphQLTextSerializer serializer, IGraphQLSerializer nodes)
{
    /// <summary>What a client is told when System.Text.Json refused an escaped lone surrogate ("\ud83d" without its pair).</summary>
    private const string LoneSurrogate =
        "The request holds text that is not valid Unicode: a lone surrogate such as \\ud83d without its pair. Send characters as UTF-8 or as complete \\uXXXX surrogate pairs.";

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
        try
        {
            return Complete(new GraphQLRequest
            {
                Query = NullIfEmpty(query["query"].ToString()),
                DocumentId = NullIfEmpty(query["documentId"].ToString()),
                OperationName = NullIfEmpty(query["operationName"].ToString()),
                Variables = NullIfEmpty(query["variables"].ToString()) is { } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = NullIfEmpty(query["extensions"].ToString()) is { } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException or NotSupportedException or OverflowException)
        {
            return (null, HttpProblem.BadRequest(JsonLoneSurrogates.Contain(query["variables"].ToString() + query["extensions"].ToString())
                ? LoneSurrogate
                : "The 'variables' and 'extensions' parameters must be URL-encoded JSON objects."));
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
            return (null, HttpProblem.BadRequest("The request body is not valid JSON (or nests deeper than 64 levels)."));
        }

        using var parsed = document;
        var body = document.RootElement;
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, HttpProblem.BadRequest("The request body must be a JSON object."));
        }

        try
        {
            return ReadRequest(body);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException or NotSupportedException or OverflowException)
        {
            return (null, HttpProblem.BadRequest(JsonLoneSurrogates.Contain(json.Span)
                ? LoneSurrogate
                : "'variables' and 'extensions' must be JSON objects whose values GraphQL can read."));
        }
    }

    private (GraphQLRequest?, HttpProblem?) ReadRequest(JsonElement body)
    {
        if (!TryReadString(body, "query", out var query) || !TryReadString(body, "documentId", out var documentId) || !TryReadString(body, "operationName", out var operationName))
        {
            return (null, HttpProblem.BadRequest("'query', 'documentId' and 'operationName' must be strings or null."));
        }

        if (!TryReadMap(body, "variables", out var variables) || !TryReadMap(body, "extensions", out var extensions))
        {
            return (null, HttpProblem.BadRequest("'variables' and 'extensions' must be JSON objects or null."));
        }

        return Complete(new GraphQLRequest { Query = query, DocumentId = documentId, OperationName = operationName, Variables = variables, Extensions = extensions });
    }

    /// <summary>A request names its document by text (<c>query</c>) or by the id of a registered one.</summary>
    private static (GraphQLRequest?, HttpProblem?) Complete(GraphQLRequest request) => request.Query is not null || TrustedDocumentGate.IdOf(request) is not null
        ? (request, null)
        : (null, HttpProblem.BadRequest("'query' is required and must be a string (or 'documentId' naming a registered document)."));

    private static bool TryReadString(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? NullIfEmpty(element.GetString()!) : null;
        return element.ValueKind == JsonValueKind.String;
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
