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
        Field(x => x.Name, nullable: false).Description("The community's display name, also the issuer name on its credentials.");
        Field(x => x.Description, nullable: true).Description("What the community is about, in its default language; null when none was given.");
        Field(x => x.Url, nullable: true).Description("The community's public web site (http or https); null when none was given.");
        Field(x => x.Email, nullable: true).Description("The contact address published in its issuer profile; null when none was given.");
        Field(x => x.ImageUrl, nullable: true).Description("An http(s) URL of the community's logo, shown as the issuer image on its credentials; null when none was set.");
        Field(x => x.CreatedAt, nullable: false).Description("When the operator opened the community (UTC instant).");
        Field(x => x.DefaultLanguage, nullable: false).Description("The language the community's content is written in.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
