using CertGrid.Api.Access.Rules;
using CertGrid.Domain.TrustedDocuments;
using GraphQL.Types;

namespace CertGrid.Api.TrustedDocuments;

public sealed class TrustedDocumentType : ObjectGraphType<TrustedDocument>
{
    public TrustedDocumentType()
    {
        Name = "TrustedDocument";
        Description = "A GraphQL document the community registered: send its 'id' as the request's 'documentId' instead of its text.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("'sha256:' and the SHA-256 of the document's UTF-8 text, in hex.").Resolve(ctx => ctx.Source.Id);
        Field("sha256", x => x.Hash, nullable: false).Description("The hex SHA-256 alone (Apollo's persistedQuery.sha256Hash).");
        Field(x => x.Name, nullable: true).Description("What the registering client called it.");
        Field("document", x => x.Text, nullable: false).Description("The document's text.");
        Field(x => x.RegisteredBy, nullable: false).Description("Who registered it (audit actor).");
        Field(x => x.RegisteredAt, nullable: false).Description("When it was registered.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TrustedDocumentPolicyType : ObjectGraphType<TrustedDocumentPolicy>
{
    public TrustedDocumentPolicyType()
    {
        Name = "TrustedDocumentPolicy";
        Description = "Who may only send registered documents.";
        Field(x => x.Community, nullable: false).Description("Every key of the community but admin keys.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("keyIds").Description("These keys (admin keys too), besides.").Resolve(ctx => ctx.Source.KeyIds);
        this.AuthorizeOtherFieldsAsParent();
    }
}
