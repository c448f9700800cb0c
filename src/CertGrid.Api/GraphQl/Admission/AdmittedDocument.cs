using GraphQLParser.AST;

namespace CertGrid.Api.GraphQl.Admission;

/// <summary>A parsed document within every limit, the operation that will run, and its cost in points.</summary>
public sealed record AdmittedDocument(GraphQLDocument Document, GraphQLOperationDefinition Operation, long Cost);
