using GraphQL.Types;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>The root <c>Mutation</c> type, assembled from every feature's <see cref="ISchemaContributor"/>.</summary>
public sealed class RootMutation : ObjectGraphType
{
    public RootMutation(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Mutation";
        Description = "Everything that changes data. Each field says who may call it.";
        foreach (var contributor in contributors)
        {
            contributor.AddMutations(this);
        }
    }
}
