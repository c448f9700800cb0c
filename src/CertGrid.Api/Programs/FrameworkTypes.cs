using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using GraphQL;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class CompetencyType : ObjectGraphType<Competency>
{
    public CompetencyType()
    {
        Name = "Competency";
        Description = "A competency of a framework: its code, name, domain, the outcomes that show it and its proficiency levels.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Outcomes, nullable: false).Description("Measurable outcomes.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("behaviours").Description("Observable behaviours.")
            .Resolve(ctx => ctx.Source.Behaviours ?? []);
        Field(x => x.DomainCode, nullable: true);
        this.AddTranslationsField("nameTranslations", c => c.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", c => c.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CompetencyDomainType : ObjectGraphType<CompetencyDomain>
{
    public CompetencyDomainType()
    {
        Name = "CompetencyDomain";
        Description = "A group of related competencies within a framework.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        this.AddTranslationsField("nameTranslations", d => d.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", d => d.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProficiencyLevelType : ObjectGraphType<ProficiencyLevel>
{
    public ProficiencyLevelType()
    {
        Name = "ProficiencyLevel";
        Description = "A step of the framework's proficiency scale; rank 1 is novice, the highest rank expert.";
        Field(x => x.Rank, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        this.AddTranslationsField("nameTranslations", l => l.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", l => l.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkVersionType : ObjectGraphType<FrameworkVersionInfo>
{
    public FrameworkVersionType()
    {
        Name = "FrameworkVersion";
        Description = "One version of a competency framework. Published versions never change.";
        Field(x => x.Version, nullable: false).Description("A semantic version: major for removals, minor for additions, patch for wording.");
        Field(x => x.Status, type: typeof(NonNullGraphType<FrameworkVersionStatusType>));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Content.Name);
        Field<StringGraphType>("description").Resolve(ctx => ctx.Source.Content.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyDomainType>>>>("domains").Expect(3).Resolve(ctx => ctx.Source.Content.Domains);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyType>>>>("competencies").Expect(10).Resolve(ctx => ctx.Source.Content.Competencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProficiencyLevelType>>>>("levels").Expect(5).Resolve(ctx => ctx.Source.Content.Levels);
        this.AddTranslationsField("nameTranslations", v => v.Content.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", v => v.Content.DescriptionTranslations);
        Field(x => x.ChangeNote, nullable: true);
        Field(x => x.BasedOn, nullable: true).Description("The version this one was drafted from.");
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.CreatedBy, nullable: false);
        Field(x => x.ProposalId, type: typeof(IdGraphType));
        Field(x => x.ProposedAt, nullable: true);
        Field(x => x.PublishedAt, nullable: true);
        Field(x => x.PublishedBy, nullable: true);
        Field(x => x.RetirementProposalId, type: typeof(IdGraphType));
        Field(x => x.RetiredAt, nullable: true);
        Field(x => x.RetirementReason, nullable: true);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkChangeType : ObjectGraphType<FrameworkChange>
{
    public FrameworkChangeType()
    {
        Name = "FrameworkChange";
        Description = "One change between two framework versions.";
        Field(x => x.Element, type: typeof(NonNullGraphType<FrameworkElementType>));
        Field(x => x.Type, type: typeof(NonNullGraphType<ChangeTypeType>));
        Field(x => x.Code, nullable: false).Description("The domain or competency code, or the level's rank; empty for the framework itself.");
        Field(x => x.Field, nullable: true);
        Field(x => x.Summary, nullable: false);
        Field(x => x.Impact, type: typeof(NonNullGraphType<VersionBumpType>));
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkDiffType : ObjectGraphType<FrameworkDiff>
{
    public FrameworkDiffType()
    {
        Name = "FrameworkDiff";
        Description = "What changed between two versions of a framework, and the version bump it implies.";
        Field(x => x.FromVersion, nullable: false);
        Field(x => x.ToVersion, nullable: false);
        Field<NonNullGraphType<VersionBumpType>>("requiredBump").Description("The smallest version bump that covers every change.").Resolve(ctx => ctx.Source.RequiredBump);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FrameworkChangeType>>>>("changes").Expect(5).Resolve(ctx => ctx.Source.Changes);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkType : ObjectGraphType<FrameworkInfo>
{
    public FrameworkType()
    {
        Name = "Framework";
        Description = "A versioned competency framework, shown at its current version (the newest published one, or the draft while none is).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Version, nullable: false).Description("The current version.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyType>>>>("competencies").Expect(10).Resolve(ctx => ctx.Source.Competencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyDomainType>>>>("domains").Expect(3).Resolve(ctx => ctx.Source.Current?.Content.Domains ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProficiencyLevelType>>>>("levels").Expect(5).Resolve(ctx => ctx.Source.Current?.Content.Levels ?? ProficiencyLevel.Default);
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.PublishedAt, nullable: true);
        Field(x => x.ReviewCadenceDays, nullable: true).Description("How often the steering committee reviews the framework.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FrameworkVersionType>>>>("versions").Expect(3)
            .Description("Every version, oldest first: the change log (who drafted, proposed, published and retired each, and why).")
            .Resolve(ctx => ctx.Source.Versions ?? []);
        Field<FrameworkVersionType>("versionOf").Description("One version by number.")
            .Argument<NonNullGraphType<StringGraphType>>("version", "A version number such as '1.2.0'.")
            .Resolve(ctx => ctx.Source.Find(ctx.GetArgument<string>("version")) ?? throw CertGridException.NotFound("Framework version", ctx.GetArgument<string>("version")));
        Field<NonNullGraphType<FrameworkDiffType>>("diff").Description("What changed between any two versions.")
            .Argument<NonNullGraphType<StringGraphType>>("from", "The earlier version, e.g. '1.0.0'.")
            .Argument<NonNullGraphType<StringGraphType>>("to", "The later version, e.g. '1.1.0'.")
            .Resolve(ctx =>
            {
                var from = ctx.Source.Find(ctx.GetArgument<string>("from")) ?? throw CertGridException.NotFound("Framework version", ctx.GetArgument<string>("from"));
                var to = ctx.Source.Find(ctx.GetArgument<string>("to")) ?? throw CertGridException.NotFound("Framework version", ctx.GetArgument<string>("to"));
                return FrameworkDiffer.Compare(from.Version, from.Content, to.Version, to.Content);
            });
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CatalogEntryType : ObjectGraphType<CatalogEntry>
{
    public CatalogEntryType()
    {
        Name = "CatalogEntry";
        Description = "A framework or credential in the community's catalog: its id, name and publication status.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field(x => x.Tier, type: typeof(CredentialTierType));
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProgramType : ObjectGraphType<ProgramCatalog>
{
    public ProgramType()
    {
        Name = "Program";
        Description = "A community's frameworks and credentials.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("frameworks").Expect(3).Resolve(ctx => ctx.Source.Frameworks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("credentials").Expect(5).Resolve(ctx => ctx.Source.Credentials);
        this.AuthorizeOtherFieldsAsParent();
    }
}
