using CertGrid.Abstractions.Communities;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Communities;

public sealed class CommunityCreatedType : ObjectGraphType<CommunityCreated>
{
    public CommunityCreatedType()
    {
        Name = "CommunityCreated";
        Description = "A newly opened community and its first admin key (shown once).";
        Field<NonNullGraphType<CommunityType>>("community").Description("The community as it was opened.").Resolve(ctx => ctx.Source.Community);
        Field(x => x.AdminKey, nullable: false).Description("The first community admin key. Shown once: store it now.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
