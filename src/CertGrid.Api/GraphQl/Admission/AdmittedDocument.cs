using GraphQL.Validation;
using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>A parsed document within every limit, the operation that will run, and its cost in points.</summary>
public sealed record AdmittedDocument(ReadDocument Read, GraphQLOperationDefinition Operation, long Cost)
{
    public GraphQLDocument Document => Read.Document;

    /// <summary>The validation rules to run: none once the document passed them (<see cref="ReadDocuments"/>), else the standard ones (null).</summary>
    public IEnumerable<IValidationRule>? ValidationRules => Read.Validated ? [] : null;

    /// <summary>Called with the result: an executed request passed validation, so its document need not be validated again.</summary>
    public void Executed(bool executed)
    {
        if (executed)
        {
            Read.MarkValidated();
        }
    }
}
