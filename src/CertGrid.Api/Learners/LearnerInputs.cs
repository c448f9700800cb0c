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
        Field(x => x.Name, nullable: false);
        Field(x => x.Email, nullable: false);
        Field(x => x.Organisation, nullable: true);
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
        Field(x => x.Title, nullable: false);
        Field(x => x.FileName, nullable: false);
        Field(x => x.ContentType, nullable: false);
        Field(x => x.SizeBytes, nullable: false);
    }
}
