using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>The root <c>Query</c> type, assembled from every feature's <see cref="ISchemaContributor"/>.</summary>
public sealed class RootQuery : ObjectGraphType
{
    public RootQuery(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Query";
        Description = "Everything that reads data. Each field says who may call it; verifyCredential and the public program need no key.";
        Field<NonNullGraphType<StringGraphType>>("ping").Description("Answers 'pong': a cheap liveness check through GraphQL. Needs no key.")
            .Authorize(AccessRules.Anyone).Resolve(_ => "pong");
        foreach (var contributor in contributors)
        {
            contributor.AddQueries(this);
        }
    }
}
