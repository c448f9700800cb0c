using CertGrid.Api.Access;
using CertGrid.Domain.Access;
using CertGrid.Domain.Identity;
using GraphQL.Types;

namespace CertGrid.Api.Identity;

public sealed class ConfigureIdentityProviderInput
{
    public string Issuer { get; set; } = string.Empty;
    public string Audience { get; set; } = string.Empty;
    public string ClientId { get; set; } = string.Empty;
    public string RoleClaim { get; set; } = "groups";
    public List<string>? AdminValues { get; set; }
    public List<string>? EvaluatorValues { get; set; }
    public List<string>? LearnerValues { get; set; }
    public Role? DefaultRole { get; set; }

    public IdentityProviderSettings ToSettings() =>
        new(Issuer, Audience, ClientId, RoleClaim, AdminValues ?? [], EvaluatorValues ?? [], LearnerValues ?? [], DefaultRole);
}

public sealed class ConfigureIdentityProviderInputType : InputObjectGraphType<ConfigureIdentityProviderInput>
{
    public ConfigureIdentityProviderInputType()
    {
        Name = "ConfigureIdentityProviderInput";
        Description = "Your community's OpenID Connect provider and its role mapping.";
        Field(x => x.Issuer, nullable: false).Description("The issuer URL exactly as the provider's tokens and discovery document name it (https; http only on 127.0.0.1/localhost).");
        Field(x => x.Audience, nullable: false).Description("The audience (API resource) registered for CertGrid at the provider; must differ from the client id.");
        Field(x => x.ClientId, nullable: false).Description("The client id your sign-in page uses.");
        Field(x => x.RoleClaim, nullable: true).Description("The claim whose values map to roles; default 'groups'.");
        Field(x => x.AdminValues, nullable: true).Description("Claim values that make a person a community admin (at most 20).");
        Field(x => x.EvaluatorValues, nullable: true).Description("Claim values that make a person an evaluator (at most 20).");
        Field(x => x.LearnerValues, nullable: true).Description("Claim values that make a person a learner (at most 20).");
        Field(x => x.DefaultRole, type: typeof(RoleType)).Description("The role of a signed-in person whose claim names no mapped value (LEARNER, for example); null refuses them.");
    }
}
