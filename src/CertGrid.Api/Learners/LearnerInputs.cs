using GraphQL.Types;

namespace CertGrid.Api.Learners;

public sealed class EnrolLearnerInput
{
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Organisation { get; set; }
}

public sealed class EnrolLearnerInputType : InputObjectGraphType<EnrolLearnerInput>
{
    public EnrolLearnerInputType()
    {
        Name = "EnrolLearnerInput";
        Description = "A learner to enrol: name, email and, optionally, organisation and public profile URL.";
        Field(x => x.Name, nullable: false).Description("The learner's full name, as their credentials will carry it: 1-200 characters.");
        Field(x => x.Email, nullable: false).Description("The learner's email address; CertGrid does not publish it.");
        Field(x => x.Organisation, nullable: true).Description("The organisation the learner works for; evaluators from it are kept off their panels when a credential's policy excludes the same organisation.");
    }
}

public sealed class RequestArtifactUploadInput
{
    public string? ArtifactId { get; set; }
    public string Title { get; set; } = string.Empty;
    public string FileName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
}

public sealed class RequestArtifactUploadInputType : InputObjectGraphType<RequestArtifactUploadInput>
{
    public RequestArtifactUploadInputType()
    {
        Name = "RequestArtifactUploadInput";
        Description = "A portfolio file to upload: its name, size in bytes and content type.";
        Field(x => x.ArtifactId, type: typeof(IdGraphType)).Description("Omit for a new artifact; give one to upload its next version.");
        Field(x => x.Title, nullable: false).Description("The artifact's title, 1-200 characters; for a next version it replaces the current title.");
        Field(x => x.FileName, nullable: false).Description("A plain file name without path separators or wildcards: 1-200 characters.");
        Field(x => x.ContentType, nullable: false).Description("The file's MIME type: PDF, plain text, Markdown, PNG, JPEG, ZIP, MP4 or JSON by default.");
        Field(x => x.SizeBytes, nullable: false).Description("The file's size in bytes: more than 0 and at most the limit (25 MiB by default).");
    }
}
