using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Identity;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

/// <summary>What a sign-in page needs to know, public by nature: no role mapping.</summary>
public sealed class SignInProviderType : ObjectGraphType<IdentityProviderSettings>
{
    public SignInProviderType()
    {
        Name = "SignInProvider";
        Description = "Where a community's members sign in: start an OpenID Connect authorization code flow at the issuer with this client id, asking for this audience (resource), and send the access token as 'Authorization: Bearer <token>'.";
        Field(x => x.Issuer, nullable: false).Description("The provider's issuer URL.");
        Field(x => x.ClientId, nullable: false).Description("The client id to sign in with.");
        Field(x => x.Audience, nullable: false).Description("The audience (resource indicator) to ask the access token for.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
