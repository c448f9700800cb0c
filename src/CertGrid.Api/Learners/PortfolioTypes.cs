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
        Field(x => x.Version, nullable: false).Description("The version number, counting from 1 for the artifact's first upload.");
        Field(x => x.FileName, nullable: false).Description("The file name the learner declared.");
        Field(x => x.ContentType, nullable: false).Description("The MIME type of the stored file, checked against its content.");
        Field(x => x.SizeBytes, nullable: false).Description("The stored file's size in bytes.");
        Field(x => x.Sha256, nullable: false).Description("Hex SHA-256 of the stored bytes, computed by CertGrid.");
        Field(x => x.CommittedAt, nullable: false).Description("When the learner committed this version (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PendingUploadType : ObjectGraphType<PendingUpload>
{
    public PendingUploadType()
    {
        Name = "PendingUpload";
        Description = "Where and until when to upload a file, and the headers the upload needs.";
        Field(x => x.Version, nullable: false).Description("The version number the upload will become once committed.");
        Field(x => x.FileName, nullable: false).Description("The file name the learner declared.");
        Field(x => x.ContentType, nullable: false).Description("The MIME type the upload must be sent with.");
        Field(x => x.DeclaredSizeBytes, nullable: false).Description("The size in bytes the learner declared; the stored file may not exceed the limit either.");
        Field(x => x.ExpiresAt, nullable: false).Description("When the upload URL stops working (UTC instant); request a new upload after it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ArtifactType : ObjectGraphType<PortfolioArtifact>
{
    public ArtifactType()
    {
        Name = "Artifact";
        Description = "A portfolio artifact with every committed version, oldest first.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The artifact's id (art_…).");
        Field(x => x.Title, nullable: false).Description("The title the learner gave the artifact.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArtifactVersionType>>>>("versions").Description("Every committed version, oldest first; empty until the first upload is committed.").Resolve(ctx => ctx.Source.Versions);
        Field<ArtifactVersionType>("latest").Description("The newest committed version; null until the first upload is committed.").Resolve(ctx => ctx.Source.Latest);
        Field<PendingUploadType>("pendingUpload").Description("An upload requested but not yet committed; null when there is none.").Resolve(ctx => ctx.Source.Pending);
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
        Field<NonNullGraphType<StringGraphType>>("name").Description("The header's name, e.g. x-ms-blob-type.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The header's exact value.").Resolve(ctx => ctx.Source.Value);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ArtifactUploadTicketType : ObjectGraphType<ArtifactUploadTicket>
{
    public ArtifactUploadTicketType()
    {
        Name = "ArtifactUploadTicket";
        Description = "PUT the file to uploadUrl with these headers before expiresAt, then call commitArtifact.";
        Field(x => x.ArtifactId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The artifact the upload belongs to (art_…); pass it to commitArtifact.");
        Field(x => x.Version, nullable: false).Description("The version number the upload will become; pass it to commitArtifact.");
        Field<NonNullGraphType<StringGraphType>>("uploadUrl").Description("A short-lived, write-only URL for this one file: send it with HTTP PUT.").Resolve(ctx => ctx.Source.UploadUrl.ToString());
        Field(x => x.ExpiresAt, nullable: false).Description("When uploadUrl stops working (UTC instant; 15 minutes by default).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HttpHeaderType>>>>("requiredHeaders").Description("Headers the PUT must carry, Content-Type included.").Resolve(ctx => ctx.Source.RequiredHeaders.ToList());
        this.AuthorizeOtherFieldsAsParent();
    }
}
