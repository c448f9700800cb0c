using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Domain.Identity;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

public sealed class IdentityProviderType : ObjectGraphType<IdentityProviderSettings>
{
    public IdentityProviderType()
    {
        Name = "IdentityProvider";
        Description = "The OpenID Connect provider a community's members sign in with, and how its role claim maps to CertGrid roles.";
        Field(x => x.Issuer, nullable: false).Description("The provider's issuer URL, exactly as its tokens name it (its discovery document is {issuer}/.well-known/openid-configuration).");
        Field(x => x.Audience, nullable: false).Description("The audience (API resource) the provider issues CertGrid's access tokens for.");
        Field(x => x.ClientId, nullable: false).Description("The client id a sign-in page uses with the provider.");
        Field(x => x.RoleClaim, nullable: false).Description("The token claim whose values map to roles (for example 'groups' or 'roles').");
        Field(x => x.AdminValues, nullable: false).Description("Claim values that make a person a community admin.");
        Field(x => x.EvaluatorValues, nullable: false).Description("Claim values that make a person an evaluator.");
        Field(x => x.LearnerValues, nullable: false).Description("Claim values that make a person a learner.");
        Field(x => x.DefaultRole, type: typeof(RoleType)).Description("The role of a person whose claim names no mapped value; null refuses them.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
