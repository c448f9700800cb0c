using CertGrid.Abstractions.Programs;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class CompetencyType : ObjectGraphType<Competency>
{
    public CompetencyType()
    {
        Name = "Competency";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Outcomes, nullable: false).Description("Observable behaviours and measurable outcomes.");
    }
}

public sealed class FrameworkType : ObjectGraphType<FrameworkInfo>
{
    public FrameworkType()
    {
        Name = "Framework";
        Description = "A competency framework.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Version, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyType>>>>("competencies").Resolve(ctx => ctx.Source.Competencies);
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.PublishedAt, nullable: true);
    }
}

public sealed class CatalogEntryType : ObjectGraphType<CatalogEntry>
{
    public CatalogEntryType()
    {
        Name = "CatalogEntry";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field(x => x.Tier, type: typeof(CredentialTierType));
    }
}

public sealed class ProgramType : ObjectGraphType<ProgramCatalog>
{
    public ProgramType()
    {
        Name = "Program";
        Description = "A community's frameworks and credentials.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("frameworks").Resolve(ctx => ctx.Source.Frameworks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("credentials").Resolve(ctx => ctx.Source.Credentials);
    }
}
