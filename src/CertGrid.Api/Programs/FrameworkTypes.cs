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
        Field(x => x.Code, nullable: false).Description("The competency's code, unique in the framework, e.g. 'SEC-2'.");
        Field(x => x.Name, nullable: false).Description("The competency's name in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the competency covers in the reader's language; null when none was written.");
        Field(x => x.Outcomes, nullable: false).Description("Measurable outcomes.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("behaviours").Description("Observable behaviours.")
            .Resolve(ctx => ctx.Source.Behaviours ?? []);
        Field(x => x.DomainCode, nullable: true).Description("The code of the domain it belongs to; null when it belongs to none.");
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
        Field(x => x.Code, nullable: false).Description("The domain's code, unique in the framework.");
        Field(x => x.Name, nullable: false).Description("The domain's name in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the domain covers in the reader's language; null when none was written.");
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
        Field(x => x.Rank, nullable: false).Description("The level's rank: 1 is the lowest (novice), up to 10.");
        Field(x => x.Name, nullable: false).Description("The level's name in the reader's language.");
        Field(x => x.Description, nullable: true).Description("What the level looks like in practice; null when none was written.");
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
        Field(x => x.Status, type: typeof(NonNullGraphType<FrameworkVersionStatusType>)).Description("Where the version is: DRAFT, PROPOSED to the committee, APPROVED, PUBLISHED or RETIRED.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The framework's name in this version in the reader's language.").Resolve(ctx => ctx.Source.Content.Name);
        Field<StringGraphType>("description").Description("The framework's description in this version; null when none was written.").Resolve(ctx => ctx.Source.Content.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyDomainType>>>>("domains").Description("The version's competency domains; empty when it groups none.").Expect(3).Resolve(ctx => ctx.Source.Content.Domains);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyType>>>>("competencies").Description("The version's competencies.").Expect(10).Resolve(ctx => ctx.Source.Content.Competencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProficiencyLevelType>>>>("levels").Description("The version's proficiency scale, lowest rank first.").Expect(5).Resolve(ctx => ctx.Source.Content.Levels);
        this.AddTranslationsField("nameTranslations", v => v.Content.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", v => v.Content.DescriptionTranslations);
        Field(x => x.ChangeNote, nullable: true).Description("What changed and why, as its author wrote for the change log; null when none was given.");
        Field(x => x.BasedOn, nullable: true).Description("The version this one was drafted from.");
        Field(x => x.CreatedAt, nullable: false).Description("When the version was drafted (UTC instant).");
        Field(x => x.CreatedBy, nullable: false).Description("Who drafted it, e.g. admin:<key>.");
        Field(x => x.ProposalId, type: typeof(IdGraphType)).Description("The steering-committee proposal (prp_…) that put it to the vote; null when governance did not apply.");
        Field(x => x.ProposedAt, nullable: true).Description("When it was proposed to the committee (UTC instant); null when it was not.");
        Field(x => x.PublishedAt, nullable: true).Description("When it was published (UTC instant); null until then.");
        Field(x => x.PublishedBy, nullable: true).Description("The admin who published it (admin:<key>); null until published.");
        Field(x => x.RetirementProposalId, type: typeof(IdGraphType)).Description("The proposal (prp_…) to retire it; null when none was made.");
        Field(x => x.RetiredAt, nullable: true).Description("When it was retired (UTC instant); null while in force.");
        Field(x => x.RetirementReason, nullable: true).Description("Why it was retired; null while in force.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkChangeType : ObjectGraphType<FrameworkChange>
{
    public FrameworkChangeType()
    {
        Name = "FrameworkChange";
        Description = "One change between two framework versions.";
        Field(x => x.Element, type: typeof(NonNullGraphType<FrameworkElementType>)).Description("What kind of element changed: the framework, a domain, a competency or a level.");
        Field(x => x.Type, type: typeof(NonNullGraphType<ChangeTypeType>)).Description("Whether the element was added, removed or changed.");
        Field(x => x.Code, nullable: false).Description("The domain or competency code, or the level's rank; empty for the framework itself.");
        Field(x => x.Field, nullable: true).Description("Which field of the element changed (e.g. name, outcomes); null for an addition or removal.");
        Field(x => x.Summary, nullable: false).Description("The change in a sentence.");
        Field(x => x.Impact, type: typeof(NonNullGraphType<VersionBumpType>)).Description("The version bump this change alone requires.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkDiffType : ObjectGraphType<FrameworkDiff>
{
    public FrameworkDiffType()
    {
        Name = "FrameworkDiff";
        Description = "What changed between two versions of a framework, and the version bump it implies.";
        Field(x => x.FromVersion, nullable: false).Description("The older version compared.");
        Field(x => x.ToVersion, nullable: false).Description("The newer version compared.");
        Field<NonNullGraphType<VersionBumpType>>("requiredBump").Description("The smallest version bump that covers every change.").Resolve(ctx => ctx.Source.RequiredBump);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FrameworkChangeType>>>>("changes").Description("Every change from fromVersion to toVersion; empty when they are the same.").Expect(5).Resolve(ctx => ctx.Source.Changes);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class FrameworkType : ObjectGraphType<FrameworkInfo>
{
    public FrameworkType()
    {
        Name = "Framework";
        Description = "A versioned competency framework, shown at its current version (the newest published one, or the draft while none is).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The framework's id (fwk_…).");
        Field(x => x.Name, nullable: false).Description("The framework's name at its current version in the reader's language.");
        Field(x => x.Description, nullable: true).Description("The framework's description at its current version; null when none was written.");
        Field(x => x.Version, nullable: false).Description("The current version.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>)).Description("DRAFT until its first version is published; only admins read drafts.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyType>>>>("competencies").Description("The competencies of the current version.").Expect(10).Resolve(ctx => ctx.Source.Competencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyDomainType>>>>("domains").Description("The competency domains of the current version; empty when it groups none.").Expect(3).Resolve(ctx => ctx.Source.Current?.Content.Domains ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProficiencyLevelType>>>>("levels").Description("The proficiency scale of the current version, lowest rank first (a default novice-to-expert scale when none was defined).").Expect(5).Resolve(ctx => ctx.Source.Current?.Content.Levels ?? ProficiencyLevel.Default);
        Field(x => x.CreatedAt, nullable: false).Description("When the framework was created (UTC instant).");
        Field(x => x.PublishedAt, nullable: true).Description("When its first version was published (UTC instant); null while a draft.");
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
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The framework (fwk_…) or credential definition (def_…).");
        Field(x => x.Name, nullable: false).Description("Its name.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>)).Description("DRAFT or PUBLISHED; only admins see drafts.");
        Field(x => x.Tier, type: typeof(CredentialTierType)).Description("The credential's tier; null for a framework.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ProgramType : ObjectGraphType<ProgramCatalog>
{
    public ProgramType()
    {
        Name = "Program";
        Description = "A community's frameworks and credentials.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("frameworks").Description("The community's frameworks; drafts only for admins.").Expect(3).Resolve(ctx => ctx.Source.Frameworks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogEntryType>>>>("credentials").Description("The community's credential definitions; drafts only for admins.").Expect(5).Resolve(ctx => ctx.Source.Credentials);
        this.AuthorizeOtherFieldsAsParent();
    }
}
