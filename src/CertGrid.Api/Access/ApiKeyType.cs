using CertGrid.Abstractions.Access;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Access;

public sealed class ApiKeyType : ObjectGraphType<ApiKeyInfo>
{
    public ApiKeyType()
    {
        Name = "ApiKey";
        Description = "An API key. Its secret is shown only once, when it is issued; CertGrid keeps only a hash.";
        Field("id", x => x.KeyId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The key's id (key_…): the middle part of the token, safe to log.");
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleType>)).Description("What the key may do in its community.");
        Field(x => x.SubjectId, type: typeof(IdGraphType)).Description("The learner or evaluator the key is bound to.");
        Field(x => x.Scopes, nullable: false).Description("A partner key's scopes (credentials:read, talent:search); empty for other roles.");
        Field(x => x.Label, nullable: false).Description("What the key is for, as the admin who issued it wrote.");
        Field(x => x.CreatedAt, nullable: false).Description("When the key was issued (UTC).");
        Field(x => x.RevokedAt, nullable: true).Description("When the key was revoked (UTC); null while it works.");
        Field(x => x.ExpiresAt, nullable: true).Description("When the key stops working (UTC); null if it does not expire. A rotated key expires at the end of its grace period.");
        Field(x => x.LastUsedAt, nullable: true).Description("When the key last authenticated a request (UTC, recorded at most every 15 minutes); null if never used.");
        Field("rotatedTo", x => x.RotatedTo, type: typeof(IdGraphType)).Description("The key (key_…) that replaced this one when it was rotated; null otherwise.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class IssuedApiKeyType : ObjectGraphType<IssuedApiKey>
{
    public IssuedApiKeyType()
    {
        Name = "IssuedApiKey";
        Description = "A newly issued key: its details and, this once, its secret token.";
        Field<NonNullGraphType<ApiKeyType>>("apiKey").Description("The key's details, as apiKeys lists them.").Resolve(ctx => ctx.Source.Info);
        Field(x => x.Token, nullable: false).Description("The key to send as 'Authorization: Bearer <token>'. Shown once: store it now.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
