using System.Text.Json;
using GraphQLParser.AST;

namespace CertGrid.Api.Retries;

/// <summary>
/// A GraphQL request body read far enough to tell whether its operation is a mutation, which root fields it runs and
/// its fingerprint (a trusted document named by id is read from its registered text). Anything that is not a readable mutation is left to the endpoint to answer (or refuse) as usual.
/// </summary>
public sealed record MutationRequest(string Fingerprint, IReadOnlyList<string?> RootFields)
{
    /// <param name="registeredText">The text of the trusted document the body names by id (<see cref="DocumentIdOf"/>), if any.</param>
    public static MutationRequest? TryRead(ReadOnlySpan<byte> body, string? registeredText = null)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var text = root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String ? query.GetString()
                : registeredText;
            if (text is null)
            {
                return null;
            }

            var operationName = root.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var operation = SelectOperation(GraphQLParser.Parser.Parse(text), operationName);
            if (operation?.Operation != OperationType.Mutation)
            {
                return null;
            }

            // A fragment at the root hides its fields: a null name counts as a field that is not safe to run again.
            var fields = operation.SelectionSet.Selections.Select(s => (s as GraphQLField)?.Name.StringValue).ToList();
            return new MutationRequest(RequestFingerprint.Of(root), fields);
        }
        catch (Exception ex) when (ex is JsonException or GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }

    /// <summary>
    /// The trusted document a body names instead of sending its text (<c>documentId</c>, or Apollo's
    /// <c>extensions.persistedQuery.sha256Hash</c>), or null when it sends a <c>query</c> or names none.
    /// </summary>
    public static string? DocumentIdOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String)
            {
                return null;
            }

            return root.TryGetProperty("documentId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()
                : root.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                    && extensions.TryGetProperty("persistedQuery", out var persisted) && persisted.ValueKind == JsonValueKind.Object
                    && persisted.TryGetProperty("sha256Hash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
