using CertGrid.Abstractions.Access;
using GraphQL.Types;

namespace CertGrid.Api.Access;

public sealed class ApiKeyType : ObjectGraphType<ApiKeyInfo>
{
    public ApiKeyType()
    {
        Name = "ApiKey";
        Description = "An API key. Its secret is shown only once, when it is issued; CertGrid keeps only a hash.";
        Field("id", x => x.KeyId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>));
        Field(x => x.SubjectId, type: typeof(IdGraphType)).Description("The learner or evaluator the key is bound to.");
        Field(x => x.Scopes, nullable: false);
        Field(x => x.Label, nullable: false);
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.RevokedAt, nullable: true);
    }
}

public sealed class IssuedApiKeyType : ObjectGraphType<IssuedApiKey>
{
    public IssuedApiKeyType()
    {
        Name = "IssuedApiKey";
        Field<NonNullGraphType<ApiKeyType>>("apiKey").Resolve(ctx => ctx.Source.Info);
        Field(x => x.Token, nullable: false).Description("The key to send as 'Authorization: Bearer <token>'. Shown once: store it now.");
    }
}
