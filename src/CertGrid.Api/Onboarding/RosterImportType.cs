using CertGrid.Abstractions.Onboarding;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using CertGrid.Domain.Onboarding;
using GraphQL.Types;

namespace CertGrid.Api.Onboarding;

public sealed class RosterImportType : ObjectGraphType<RosterImportInfo>
{
    public RosterImportType()
    {
        Name = "RosterImport";
        Description = "An import of learners, evaluators, cohort memberships or earned credentials: its dry run, the progress of applying it, and the results file.";
        Field("id", x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The import's id (imp_…).");
        Field(x => x.FileName, nullable: false).Description("The file's name as given when the import started.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ImportKindType>)).Description("What the file's rows are.");
        Field(x => x.Status, type: typeof(NonNullGraphType<RosterImportStatusType>)).Description("Where the import stands.");
        Field(x => x.TotalRows, nullable: false).Description("Rows the dry run read (good and bad).");
        Field(x => x.NewRows, nullable: false).Description("Rows that create (or created) something new: a learner, an evaluator, a cohort membership, a credential.");
        Field(x => x.UnchangedRows, nullable: false).Description("Rows the community already has (the email, the membership, the imported credential): left as they are.");
        Field(x => x.ErrorCount, nullable: false).Description("Rows with errors; the import cannot be applied while there are any.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportRowErrorType>>>>("errors")
            .Description("The first 100 errors, in file order; the results file lists them all.").Resolve(ctx => ctx.Source.Errors);
        Field(x => x.ProcessedRows, nullable: false).Description("Rows applied so far (progress while APPLYING).");
        Field(x => x.CreatedRows, nullable: false).Description("Rows applied so far that created what they describe (learners enrolled, evaluators registered, members added, credentials issued).");
        Field<NonNullGraphType<LongGraphType>>("enrolledRows").Description("The same as createdRows.").DeprecationReason("Use createdRows: imports create evaluators, memberships and credentials too.")
            .Resolve(ctx => ctx.Source.CreatedRows);
        Field(x => x.CreatedAt, nullable: false).Description("When the import started (UTC).");
        Field(x => x.CompletedAt, nullable: true).Description("When applying completed (UTC).");
        Field<StringGraphType>("resultsUrl")
            .Description("A 15-minute URL of the results file (CSV: line, subject, outcome, id, column, problem, accepted); null before the dry run.")
            .ResolveAsync(async ctx => (await ctx.Grains().RosterImport(ctx.Community(), ctx.Source.Id).ResultsUrlAsync())?.ToString());
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ImportRowErrorType : ObjectGraphType<ImportRowError>
{
    public ImportRowErrorType()
    {
        Name = "ImportRowError";
        Description = "What is wrong with one row of an import file, and what is accepted instead.";
        Field(x => x.Line, nullable: false).Description("The line of the file (1 is a CSV file's header row).");
        Field(x => x.Column, nullable: false).Description("The column (or '(the whole row)').");
        Field(x => x.Problem, nullable: false).Description("What is wrong, in a sentence.");
        Field(x => x.Accepted, nullable: false).Description("What the column accepts.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RosterImportStatusType : EnumerationGraphType<RosterImportStatus>
{
    public RosterImportStatusType()
    {
        Name = "RosterImportStatus";
        Description = "Where an import stands: AWAITING_UPLOAD, REJECTED (the dry run found errors), CHECKED, APPLYING, COMPLETED.";
    }
}

public sealed class RosterUploadTicketType : ObjectGraphType<RosterUploadTicket>
{
    public RosterUploadTicketType()
    {
        Name = "RosterUploadTicket";
        Description = "Where to upload the roster file: PUT it to uploadUrl with header 'x-ms-blob-type: BlockBlob' before uploadExpiresAt, then run the dry run.";
        Field<NonNullGraphType<RosterImportType>>("import").Description("The import this ticket uploads into, in state AWAITING_UPLOAD: upload the file to uploadUrl, then call dryRunRosterImport with its id.").Resolve(ctx => ctx.Source.Import);
        Field<NonNullGraphType<StringGraphType>>("uploadUrl").Description("A URL that can create the file once (30 minutes).").Resolve(ctx => ctx.Source.UploadUrl.ToString());
        Field("uploadExpiresAt", x => x.ExpiresAt, nullable: false).Description("When the upload URL stops working (UTC).");
        this.AuthorizeOtherFieldsAsParent();
    }
}
