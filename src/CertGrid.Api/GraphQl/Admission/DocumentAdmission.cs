using System.Globalization;
using CertGrid.Api.GraphQl.Cost;
using CertGrid.Api.GraphQl.Schema;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// Decides whether a document may be validated and run, in time linear in its length and before any validation
/// rule: tokens are counted before parsing, then fields, aliases, depth and repeated selections are measured with
/// each fragment counted where it is spread, then the operation is priced (<see cref="OperationCostCalculator"/>).
/// Validation (some of whose rules take time growing with the square of repeated selections) only ever sees
/// documents within these limits. A document read before is taken from <see cref="ReadDocuments"/>, and so is its
/// cost unless it depends on this request's variables.
/// </summary>
public sealed class DocumentAdmission(CertGridSchema schema, ReadDocuments readDocuments, IOptions<GraphQlOptions> options)
{
    /// <summary>AST nesting the parser accepts; <see cref="DocumentTokens.MaxNesting"/> brackets stay well within it.</summary>
    private const int ParserMaxDepth = 512;

    private readonly GraphQlOptions _limits = options.Value;

    /// <summary>
    /// Admits a document for <c>/graphql</c>; a subscription only when <paramref name="subscriptionsAllowed"/> (the
    /// Server-Sent Events stream, <see cref="GraphQlEventStreamEndpoint"/>).
    /// </summary>
    public (AdmittedDocument? Admitted, AdmissionRefusal? Refusal) Admit(string query, string? operationName, Inputs? variables, bool subscriptionsAllowed = false)
    {
        var (document, unread) = Read(query);
        if (document is null)
        {
            return (null, unread);
        }

        var (operation, unselected) = SelectOperation(document.Document, operationName, subscriptionsAllowed);
        if (operation is null)
        {
            return (null, unselected);
        }

        schema.Initialize();
        var cost = document.CostOf(schema, operation, variables);
        if (cost > _limits.MaxCost)
        {
            return (null, AdmissionRefusal.OverLimit(DocumentLimit.Cost, string.Create(CultureInfo.InvariantCulture,
                $"This operation costs {cost:N0} points; one request may cost at most {_limits.MaxCost:N0}. Ask for fewer items ('first'), fewer copies of expensive fields, or split it into several requests.")));
        }

        return (new AdmittedDocument(document, operation, cost), null);
    }

    /// <summary>Whether a document parses and is within the limits, whatever it will be asked to run (for registering it).</summary>
    public AdmissionRefusal? Check(string query) => Read(query).Refusal;

    /// <summary>Tokens counted, then parsed, then measured: the document, or why it is refused.</summary>
    private (ReadDocument? Document, AdmissionRefusal? Refusal) Read(string query)
    {
        if (readDocuments.Find(query) is { } known)
        {
            return (known, null);
        }

        if (DocumentTokens.Check(query, _limits.MaxTokens) is { } overTokens)
        {
            return (null, overTokens);
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { MaxDepth = ParserMaxDepth });
        }
        catch (GraphQLParserException ex)
        {
            return (null, AdmissionRefusal.Syntax(ex));
        }

        return MeasureAgainstLimits(document) is { } overLimit ? (null, overLimit) : (readDocuments.Keep(query, document), null);
    }

    private static (GraphQLOperationDefinition?, AdmissionRefusal?) SelectOperation(GraphQLDocument document, string? operationName, bool subscriptionsAllowed)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return (null, AdmissionRefusal.Invalid(operationName is not null
                ? $"The document has no operation named '{operationName}'."
                : operations.Count == 0
                    ? "The document has no operation: send a query or a mutation."
                    : "The document has several operations: name the one to run in 'operationName'."));
        }

        return operation.Operation == OperationType.Subscription && !subscriptionsAllowed
            ? (null, AdmissionRefusal.Invalid("GraphQL subscriptions are served as Server-Sent Events: send this request with 'Accept: text/event-stream' (the GraphQL-over-SSE protocol, see docs/api/events.md)."))
            : (operation, null);
    }

    private AdmissionRefusal? MeasureAgainstLimits(GraphQLDocument document)
    {
        var counter = new DocumentShapeCounter(document);
        if (counter.MeasureDocument() is not { } shape)
        {
            return AdmissionRefusal.Invalid(counter.Problem!);
        }

        if (shape.Depth > _limits.MaxDepth)
        {
            return AdmissionRefusal.OverLimit(DocumentLimit.Depth,
                $"Selections are nested {shape.Depth} levels deep; at most {_limits.MaxDepth} are allowed. Ask for less at once.");
        }

        if (shape.Fields > _limits.MaxFields)
        {
            return AdmissionRefusal.OverLimit(DocumentLimit.Fields, string.Create(CultureInfo.InvariantCulture,
                $"The document selects {Readable(shape.Fields)} fields (fragments counted where they are spread); at most {_limits.MaxFields:N0} are allowed."));
        }

        if (shape.Aliases > _limits.MaxAliases)
        {
            return AdmissionRefusal.OverLimit(DocumentLimit.Aliases, string.Create(CultureInfo.InvariantCulture,
                $"The document has {Readable(shape.Aliases)} aliased fields (fragments counted where they are spread); at most {_limits.MaxAliases:N0} are allowed."));
        }

        if (new RepeatedSelections(document, _limits.MaxRepeatedSelections).FindOverLimit() is { } repeated)
        {
            return AdmissionRefusal.OverLimit(DocumentLimit.RepeatedSelections, string.Create(CultureInfo.InvariantCulture,
                $"'{repeated.ResponseName}' is selected {Readable(repeated.Count)} times at one place; at most {_limits.MaxRepeatedSelections} are allowed. Select a field once, or give each copy its own alias."));
        }

        return null;
    }

    private static string Readable(long count) =>
        count >= DocumentShape.Saturation || count == int.MaxValue ? "too many" : count.ToString("N0", CultureInfo.InvariantCulture);
}
