using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Api.GraphQl.Schema;

/// <summary>The CertGrid GraphQL schema.</summary>
public sealed class CertGridSchema : GraphQL.Types.Schema
{
    public CertGridSchema(IServiceProvider services)
        : base(services)
    {
        Description = "CertGrid: community-based certification programs with verifiable credentials.";
        Query = services.GetRequiredService<RootQuery>();
        Mutation = services.GetRequiredService<RootMutation>();
        RegisterVisitor(new ScalarDescriptions());
    }
}
