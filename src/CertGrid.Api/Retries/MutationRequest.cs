using System.Text.Json;
using GraphQLParser.AST;

namespace CertGrid.Api.Retries;

/// <summary>
/// A GraphQL request body read far enough to tell whether its operation is a mutation, which root fields it runs and
/// its fingerprint. Anything that is not a readable mutation is left to the endpoint to answer (or refuse) as usual.
/// </summary>
public sealed record MutationRequest(string Fingerprint, IReadOnlyList<string?> RootFields)
{
    public static MutationRequest? TryRead(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var operationName = root.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var operation = SelectOperation(GraphQLParser.Parser.Parse(query.GetString()!), operationName);
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

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }
}
