using CertGrid.Abstractions.Communities;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Communities;

public sealed class CommunityType : ObjectGraphType<CommunityInfo>
{
    public CommunityType()
    {
        Name = "Community";
        Description = "A community running its own certification program, isolated from every other.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The community's slug.");
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Url, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.ImageUrl, nullable: true);
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.DefaultLanguage, nullable: false).Description("The language the community's content is written in.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
