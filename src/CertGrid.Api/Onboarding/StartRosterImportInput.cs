using GraphQL.Types;

namespace CertGrid.Api.Onboarding;

public sealed class StartRosterImportInput
{
    public string FileName { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
}

public sealed class StartRosterImportInputType : InputObjectGraphType<StartRosterImportInput>
{
    public StartRosterImportInputType()
    {
        Name = "StartRosterImportInput";
        Description = "The roster file to upload: learners with columns name, email and (optional) organisation.";
        Field(x => x.FileName, nullable: false).Description("The file's name: .csv (with a header row) or .jsonl (JSON Lines).");
        Field(x => x.SizeBytes, nullable: false).Description("The file's size in bytes (at most 64 MiB).");
    }
}
