using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>The CertGrid GraphQL schema.</summary>
public sealed class CertGridSchema : GraphQL.Types.Schema
{
    public CertGridSchema(IServiceProvider services)
        : base(services)
    {
        Description = "CertGrid: community-based certification programs with verifiable credentials.";

        // Standard tooling asks for these in its introspection query (getIntrospectionQuery options of npm graphql).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Query = services.GetRequiredService<RootQuery>();
        Mutation = services.GetRequiredService<RootMutation>();
        Subscription = services.GetRequiredService<RootSubscription>();
        RegisterVisitor(new ScalarDescriptions());
    }
}
