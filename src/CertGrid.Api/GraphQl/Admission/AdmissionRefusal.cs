using GraphQL;
using GraphQLParser.Exceptions;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>
/// A document refused before it was validated or executed: a request error (HTTP 400, or 200 in legacy
/// <c>application/json</c>) with a stable code, a message for a person, and the limit it broke.
/// </summary>
public sealed record AdmissionRefusal(string Code, string Message, string? Limit = null)
{
    public static AdmissionRefusal OverLimit(string limit, string message) => new(GraphQlErrors.QueryTooComplex, message, limit);

    public static AdmissionRefusal Invalid(string message) => new(GraphQlErrors.ValidationFailed, message);

    public static AdmissionRefusal Syntax(GraphQLParserException error) => new(GraphQlErrors.ParseFailed, error switch
    {
        GraphQLMaxDepthExceededException => "The document nests too deeply to be read.",
        _ => $"The document is not valid GraphQL: {error.Description} (line {error.Location.Line}, column {error.Location.Column}).",
    });

    public ExecutionError ToError()
    {
        var error = new ExecutionError(Message) { Code = Code };
        if (Limit is not null)
        {
            error.Extensions = new Dictionary<string, object?> { ["limit"] = Limit };
        }

        return error;
    }
}
