using CertGrid.Abstractions.Privacy.Export;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl;
using GraphQL.Types;

namespace CertGrid.Api.Privacy.Export;

public sealed class DataExportStatusType : EnumerationGraphType<DataExportStatus>
{
    public DataExportStatusType()
    {
        Name = "DataExportStatus";
        Description = "COLLECTING (the JSON parts), PACKING (the archive with the files), READY (download until it expires), EXPIRED (deleted) or FAILED.";
    }
}

public sealed class DataExportType : ObjectGraphType<DataExportView>
{
    public DataExportType()
    {
        Name = "DataExport";
        Description = "An archive of all the personal data CertGrid holds about a learner (JSON per kind, the CLR and credentials, every portfolio file), built in the background.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The export's id (exp_…).");
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner whose data it holds (lrn_…).");
        Field(x => x.Status, type: typeof(NonNullGraphType<DataExportStatusType>)).Description("Where the export is.");
        Field(x => x.ProgressPercent, nullable: false).Description("How far along it is, 0 to 100 (100 only once READY).");
        Field(x => x.PartsDone, nullable: false).Description("JSON parts collected so far.");
        Field(x => x.PartsTotal, nullable: false).Description("JSON parts the archive holds (long sections are split into pages).");
        Field(x => x.FilesPacked, nullable: false).Description("Portfolio files in the archive so far.");
        Field(x => x.FilesTotal, nullable: false).Description("Portfolio files (every committed version) the archive holds; known once packing starts.");
        Field(x => x.RequestedAt, nullable: false).Description("When the export was requested (UTC).");
        Field(x => x.ReadyAt, nullable: true).Description("When the archive was complete (UTC).");
        Field(x => x.ExpiresAt, nullable: true).Description("When the archive is deleted (UTC); request a new export after that.");
        Field(x => x.SizeBytes, nullable: true).Description("The archive's size in bytes, once READY.");
        Field(x => x.Failure, nullable: true).Description("Why the export failed, when it did.");
        Field<StringGraphType>("downloadUrl")
            .Description("A URL that downloads the ZIP archive for the next 15 minutes (ask again for a fresh one); null unless READY.")
            .ResolveAsync(async ctx => ctx.Source.Status == DataExportStatus.Ready
                ? (await ctx.Grains().DataExport(ctx.Community(), ctx.Source.Id).OpenDownloadAsync()).ToString()
                : null);
        this.AuthorizeOtherFieldsAsParent();
    }
}
