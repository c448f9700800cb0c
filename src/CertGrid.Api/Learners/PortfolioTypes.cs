using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Learners;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Learners;

public sealed class ArtifactVersionType : ObjectGraphType<ArtifactVersion>
{
    public ArtifactVersionType()
    {
        Name = "ArtifactVersion";
        Description = "A committed version of an artifact, as CertGrid measured it.";
        Field(x => x.Version, nullable: false);
        Field(x => x.FileName, nullable: false);
        Field(x => x.ContentType, nullable: false);
        Field(x => x.SizeBytes, nullable: false);
        Field(x => x.Sha256, nullable: false).Description("Hex SHA-256 of the stored bytes, computed by CertGrid.");
        Field(x => x.CommittedAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PendingUploadType : ObjectGraphType<PendingUpload>
{
    public PendingUploadType()
    {
        Name = "PendingUpload";
        Description = "Where and until when to upload a file, and the headers the upload needs.";
        Field(x => x.Version, nullable: false);
        Field(x => x.FileName, nullable: false);
        Field(x => x.ContentType, nullable: false);
        Field(x => x.DeclaredSizeBytes, nullable: false);
        Field(x => x.ExpiresAt, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ArtifactType : ObjectGraphType<PortfolioArtifact>
{
    public ArtifactType()
    {
        Name = "Artifact";
        Description = "A portfolio artifact with every committed version, oldest first.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Title, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArtifactVersionType>>>>("versions").Resolve(ctx => ctx.Source.Versions);
        Field<ArtifactVersionType>("latest").Resolve(ctx => ctx.Source.Latest);
        Field<PendingUploadType>("pendingUpload").Resolve(ctx => ctx.Source.Pending);
        Field(x => x.Public, nullable: false).Description("Whether anyone may open this artifact's evidence links in credentials.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class HttpHeaderType : ObjectGraphType<KeyValuePair<string, string>>
{
    public HttpHeaderType()
    {
        Name = "HttpHeader";
        Description = "An HTTP header to send with a request.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(ctx => ctx.Source.Value);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ArtifactUploadTicketType : ObjectGraphType<ArtifactUploadTicket>
{
    public ArtifactUploadTicketType()
    {
        Name = "ArtifactUploadTicket";
        Description = "PUT the file to uploadUrl with these headers before expiresAt, then call commitArtifact.";
        Field(x => x.ArtifactId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version, nullable: false);
        Field<NonNullGraphType<StringGraphType>>("uploadUrl").Resolve(ctx => ctx.Source.UploadUrl.ToString());
        Field(x => x.ExpiresAt, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HttpHeaderType>>>>("requiredHeaders").Resolve(ctx => ctx.Source.RequiredHeaders.ToList());
        this.AuthorizeOtherFieldsAsParent();
    }
}
