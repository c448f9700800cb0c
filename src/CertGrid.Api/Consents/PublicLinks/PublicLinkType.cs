using CertGrid.Abstractions.Consents.PublicLinks;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using GraphQL.Types;

namespace CertGrid.Api.Consents.PublicLinks;

public sealed class PublicLinkType : ObjectGraphType<PublicLink>
{
    public PublicLinkType()
    {
        Name = "PublicLink";
        Description = "A public link to one of your credentials: anyone with the URL sees the credential's page (only what you made public) until you revoke it.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The link's id (pln_…), to revoke it.");
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential it opens (vc_…).");
        Field<NonNullGraphType<StringGraphType>>("url")
            .Description("The link to hand out; its secret part cannot be guessed. After revocation it answers 404.")
            .Resolve(ctx => ctx.Service<PublicRoutes>().SharedLink(ctx.Community(), ctx.Source.Token));
        Field(x => x.CreatedAt, nullable: false).Description("When you created it (UTC).");
        Field(x => x.RevokedAt, nullable: true).Description("When you revoked it (UTC); null while it works.");
        Field("active", x => x.IsActive, nullable: false).Description("True until you revoke it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
