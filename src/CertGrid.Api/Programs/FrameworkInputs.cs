using CertGrid.Abstractions.Programs;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class CompetencyInput
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> Outcomes { get; set; } = [];
    public List<string>? Behaviours { get; set; }
    public string? DomainCode { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }

    public Competency ToCompetency(int index) => new(Code, Name, Description, Outcomes, Behaviours, DomainCode,
        Translations.ToMap(NameTranslations, $"input.competencies[{index}].nameTranslations"),
        Translations.ToMap(DescriptionTranslations, $"input.competencies[{index}].descriptionTranslations"));
}

public sealed class CompetencyInputType : InputObjectGraphType<CompetencyInput>
{
    public CompetencyInputType()
    {
        Name = "CompetencyInput";
        Description = "A competency to define: code, name, domain, expected outcomes and optional proficiency levels.";
        Field(x => x.Code, nullable: false).Description("Unique in the framework, e.g. 'SEC-2'.");
        Field(x => x.Name, nullable: false).Description("The competency's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the competency covers: up to 4,000 characters.");
        Field(x => x.Outcomes, nullable: false).Description("Measurable outcomes (1-20).");
        Field(x => x.Behaviours, nullable: true).Description("Observable behaviours (0-20).");
        Field(x => x.DomainCode, nullable: true).Description("The code of the framework domain this competency belongs to.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The competency's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The competency's description in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class CompetencyDomainInput
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }

    public CompetencyDomain ToDomain(int index) => new(Code, Name, Description,
        Translations.ToMap(NameTranslations, $"input.domains[{index}].nameTranslations"),
        Translations.ToMap(DescriptionTranslations, $"input.domains[{index}].descriptionTranslations"));
}

public sealed class CompetencyDomainInputType : InputObjectGraphType<CompetencyDomainInput>
{
    public CompetencyDomainInputType()
    {
        Name = "CompetencyDomainInput";
        Description = "A group of related competencies within a framework.";
        Field(x => x.Code, nullable: false).Description("The domain's code, unique in the framework: letters, digits, '.', '_' or '-', up to 40 characters.");
        Field(x => x.Name, nullable: false).Description("The domain's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the domain covers: up to 4,000 characters.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The domain's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The domain's description in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class ProficiencyLevelInput
{
    public int Rank { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }

    public ProficiencyLevel ToLevel(int index) => new(Rank, Name, Description,
        Translations.ToMap(NameTranslations, $"input.levels[{index}].nameTranslations"),
        Translations.ToMap(DescriptionTranslations, $"input.levels[{index}].descriptionTranslations"));
}

public sealed class ProficiencyLevelInputType : InputObjectGraphType<ProficiencyLevelInput>
{
    public ProficiencyLevelInputType()
    {
        Name = "ProficiencyLevelInput";
        Description = "A proficiency level of a competency: its rank, name and what it looks like.";
        Field(x => x.Rank, nullable: false).Description("1 for the lowest level (novice) up to 10.");
        Field(x => x.Name, nullable: false).Description("The level's name, e.g. 'Practitioner': 1-60 characters.");
        Field(x => x.Description, nullable: true).Description("What the level looks like in practice: up to 4,000 characters.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The level's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The level's description in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class DefineFrameworkInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<CompetencyInput> Competencies { get; set; } = [];
    public List<CompetencyDomainInput>? Domains { get; set; }
    public List<ProficiencyLevelInput>? Levels { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }
    public string? ChangeNote { get; set; }

    public DefineFramework ToCommand() => new(Name, Description,
        Competencies.Select((c, i) => c.ToCompetency(i)).ToList(),
        Domains?.Select((d, i) => d.ToDomain(i)).ToList(),
        Levels?.Select((l, i) => l.ToLevel(i)).ToList(),
        Translations.ToMap(NameTranslations, "input.nameTranslations"),
        Translations.ToMap(DescriptionTranslations, "input.descriptionTranslations"),
        ChangeNote);
}

public sealed class DefineFrameworkInputType : InputObjectGraphType<DefineFrameworkInput>
{
    public DefineFrameworkInputType()
    {
        Name = "DefineFrameworkInput";
        Description = "A competency framework: its name, domains and competencies; with an id, a revision of a draft.";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create a framework; give a draft's id to revise it (defineFramework), or a framework's id to draft its next version (reviseFramework).");
        Field(x => x.Name, nullable: false).Description("The framework's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the framework covers: up to 4,000 characters.");
        Field(x => x.Competencies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyInputType>>>)).Description("The framework's competencies: 1-200, codes unique.");
        Field(x => x.Domains, type: typeof(ListGraphType<NonNullGraphType<CompetencyDomainInputType>>)).Description("Groups of competencies (0-30).");
        Field(x => x.Levels, type: typeof(ListGraphType<NonNullGraphType<ProficiencyLevelInputType>>))
            .Description("The proficiency scale, novice to expert (2-10 levels); the Dreyfus scale when omitted.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The framework's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The framework's description in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.ChangeNote, nullable: true).Description("What changed and why, for the change log.");
    }
}
