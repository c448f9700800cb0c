using CertGrid.Domain.Onboarding;
using GraphQL.Types;

namespace CertGrid.Api.Onboarding;

public sealed class StartRosterImportInput
{
    public string FileName { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
    public ImportKind Kind { get; set; } = ImportKind.Learners;
}

public sealed class StartRosterImportInputType : InputObjectGraphType<StartRosterImportInput>
{
    public StartRosterImportInputType()
    {
        Name = "StartRosterImportInput";
        Description = "The file to upload and what its rows are: learners, evaluators, cohort memberships or credentials earned before CertGrid (the columns of each are in docs/onboarding.md).";
        Field(x => x.FileName, nullable: false).Description("The file's name: .csv (with a header row) or .jsonl (JSON Lines).");
        Field(x => x.SizeBytes, nullable: false).Description("The file's size in bytes (at most 64 MiB).");
        Field(x => x.Kind, type: typeof(ImportKindType)).Description("What the file's rows are (LEARNERS when left out).");
    }
}

public sealed class ImportKindType : EnumerationGraphType<ImportKind>
{
    public ImportKindType()
    {
        Name = "ImportKind";
        Description = "What an import file's rows are: LEARNERS (name, email, organisation), EVALUATORS (name, email, organisation, expertise, languages, capacity), " +
            "COHORT_MEMBERS (cohort, learner) or HOLDERS (email, credential, earnedOn, externalId: credentials earned before CertGrid).";
    }
}
