using CertGrid.Abstractions.DirectAwards;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.DirectAwards;

public sealed class AwardHookType : ObjectGraphType<AwardHookInfo>
{
    public AwardHookType()
    {
        Name = "AwardHook";
        Description = "The community's award webhook: where its systems post awards, and whether a secret to sign them with exists.";
        Field<NonNullGraphType<StringGraphType>>("path").Description("Where to POST signed awards, relative to this server: /c/{community}/hooks/award.")
            .Resolve(ctx => AwardHookRoute.For(ctx.Source.Community));
        Field(x => x.Enabled, nullable: false).Description("True once a secret exists (createAwardHookSecret); until then every delivery is refused with HOOK_NOT_ENABLED.");
        Field(x => x.SecretCreatedAt, nullable: true).Description("When the current secret was created or rotated in (UTC instant).");
        Field(x => x.PreviousSecretValidUntil, nullable: true).Description("Until when the secret rotated out still verifies deliveries (UTC instant); null when none does.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AwardHookSecretType : ObjectGraphType<AwardHookSecret>
{
    public AwardHookSecretType()
    {
        Name = "AwardHookSecret";
        Description = "A new award hook secret: shown only in this answer.";
        Field<NonNullGraphType<AwardHookType>>("hook").Description("The award hook with its new secret.").Resolve(ctx => ctx.Source.Hook);
        Field(x => x.Secret, nullable: false).Description("The secret to sign deliveries with (HMAC-SHA256); keep it in your system's secret store, it is never shown again.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
