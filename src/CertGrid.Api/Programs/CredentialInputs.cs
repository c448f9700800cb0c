using CertGrid.Abstractions.Programs;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class ExemplarInput
{
    public string Title { get; set; } = string.Empty;
    public string? Url { get; set; }
    public string? ResourceId { get; set; }
    public string? Description { get; set; }
}

public sealed class ExemplarInputType : InputObjectGraphType<ExemplarInput>
{
    public ExemplarInputType()
    {
        Name = "ExemplarInput";
        Description = "An artifact illustrating a level: a URL, or a file in the resource library (resourceId).";
        Field(x => x.Title, nullable: false).Description("What the exemplar shows: 1-200 characters.");
        Field(x => x.Url, nullable: true).Description("A link to the exemplar (http or https); give exactly one of url and resourceId.");
        Field(x => x.ResourceId, type: typeof(IdGraphType)).Description("A resource library file (res_…) that is the exemplar; give exactly one of url and resourceId.");
        Field(x => x.Description, nullable: true).Description("Why it illustrates the level: up to 4,000 characters.");
    }
}

public sealed class RubricLevelInput
{
    public string Name { get; set; } = string.Empty;
    public int Points { get; set; }
    public string? Descriptor { get; set; }
    public List<ExemplarInput>? Exemplars { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptorTranslations { get; set; }
}

public sealed class RubricLevelInputType : InputObjectGraphType<RubricLevelInput>
{
    public RubricLevelInputType()
    {
        Name = "RubricLevelInput";
        Description = "A level of a rubric criterion: its name, points, descriptor and exemplars.";
        Field(x => x.Name, nullable: false).Description("The level's name, e.g. 'Proficient': 1-60 characters, unique in the criterion ignoring case.");
        Field(x => x.Points, nullable: false).Description("The points a review scores for this level: 0-1000, unique in the criterion.");
        Field(x => x.Descriptor, nullable: true).Description("What evidence at this level looks like: up to 4,000 characters.");
        Field(x => x.Exemplars, type: typeof(ListGraphType<NonNullGraphType<ExemplarInputType>>)).Description("Up to 5 artifacts that illustrate this level.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The level's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptorTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The descriptor in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class RubricCriterionInput
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> CompetencyCodes { get; set; } = [];
    public List<RubricLevelInput> Levels { get; set; } = [];
    public int? Weight { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }

    public RubricCriterion ToCriterion(int index)
    {
        var field = $"input.criteria[{index}]";
        return new(Code, Name, Description, CompetencyCodes,
            Levels.Select((l, j) => new RubricLevel(l.Name, l.Points, l.Descriptor,
                l.Exemplars?.Select(e => new Exemplar(e.Title, e.Url, e.ResourceId, e.Description)).ToList(),
                Translations.ToMap(l.NameTranslations, $"{field}.levels[{j}].nameTranslations"),
                Translations.ToMap(l.DescriptorTranslations, $"{field}.levels[{j}].descriptorTranslations"))).ToList(),
            Weight ?? 1,
            Translations.ToMap(NameTranslations, $"{field}.nameTranslations"),
            Translations.ToMap(DescriptionTranslations, $"{field}.descriptionTranslations"));
    }
}

public sealed class RubricCriterionInputType : InputObjectGraphType<RubricCriterionInput>
{
    public RubricCriterionInputType()
    {
        Name = "RubricCriterionInput";
        Description = "A criterion of a rubric: the competencies it assesses, its weight and its levels.";
        Field(x => x.Code, nullable: false).Description("The criterion's code, unique in the rubric: letters, digits, '.', '_' or '-', up to 40 characters.");
        Field(x => x.Name, nullable: false).Description("The criterion's name: 1-200 characters.");
        Field(x => x.Description, nullable: true).Description("What the criterion assesses: up to 4,000 characters.");
        Field(x => x.CompetencyCodes, nullable: false).Description("Codes of the framework competencies this criterion assesses.");
        Field(x => x.Levels, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RubricLevelInputType>>>)).Description("2-10 levels with distinct points; they are stored lowest points first.");
        Field(x => x.Weight, nullable: true).Description("Relative weight, default 1.");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The criterion's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The criterion's description in other languages than the community's default: up to 30, one per language tag.");
    }
}

public sealed class CredentialRequirementsInput
{
    public List<string>? PrerequisiteIds { get; set; }
    public int? MinimumDaysEnrolled { get; set; }
    public bool? RequiresCohort { get; set; }

    public CredentialRequirements ToRequirements() => new(PrerequisiteIds ?? [], MinimumDaysEnrolled, RequiresCohort ?? false);
}

public sealed class CredentialRequirementsInputType : InputObjectGraphType<CredentialRequirementsInput>
{
    public CredentialRequirementsInputType()
    {
        Name = "CredentialRequirementsInput";
        Description = "Eligibility rules, checked when a learner submits an attempt.";
        Field(x => x.PrerequisiteIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Credentials the learner must hold, valid (active and unexpired).");
        Field(x => x.MinimumDaysEnrolled, nullable: true).Description("Days the learner must have been enrolled.");
        Field(x => x.RequiresCohort, nullable: true).Description("Only members of a running cohort that includes this credential may attempt it.");
    }
}

public sealed class TrackRefInput
{
    public string SpecialisationId { get; set; } = string.Empty;
    public string TrackCode { get; set; } = string.Empty;
}

public sealed class TrackRefInputType : InputObjectGraphType<TrackRefInput>
{
    public TrackRefInputType()
    {
        Name = "TrackRefInput";
        Description = "A specialisation track a credential certifies: the specialisation and track codes.";
        Field(x => x.SpecialisationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A specialisation (spc_…) of the credential's framework.");
        Field(x => x.TrackCode, nullable: false).Description("The code of one of the specialisation's tracks.");
    }
}

public sealed class DefineCredentialInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public CredentialTier Tier { get; set; }
    public string FrameworkId { get; set; } = string.Empty;
    public string CriteriaNarrative { get; set; } = string.Empty;
    public List<RubricCriterionInput> Criteria { get; set; } = [];
    public int PassThresholdPercent { get; set; }
    public int? ValidityDays { get; set; }
    public int? EvaluatorsPerAttempt { get; set; }
    public CredentialRequirementsInput? Requirements { get; set; }
    public TrackRefInput? Track { get; set; }
    public List<TranslationInput>? NameTranslations { get; set; }
    public List<TranslationInput>? DescriptionTranslations { get; set; }
    public List<TranslationInput>? CriteriaNarrativeTranslations { get; set; }
    public bool? AllowDirectAward { get; set; }

    public Rubric ToRubric() => new(Criteria.Select((c, i) => c.ToCriterion(i)).ToList(), PassThresholdPercent);

    public DefineCredential ToCommand() => new(Name, Description, Tier, FrameworkId, CriteriaNarrative, ToRubric(), ValidityDays, EvaluatorsPerAttempt ?? 2,
        Requirements?.ToRequirements(),
        Track is null ? null : new TrackRef(Track.SpecialisationId, Track.TrackCode),
        new CredentialTranslations(
            Translations.ToMap(NameTranslations, "input.nameTranslations"),
            Translations.ToMap(DescriptionTranslations, "input.descriptionTranslations"),
            Translations.ToMap(CriteriaNarrativeTranslations, "input.criteriaNarrativeTranslations")),
        AllowDirectAward ?? false);
}

public sealed class DefineCredentialInputType : InputObjectGraphType<DefineCredentialInput>
{
    public DefineCredentialInputType()
    {
        Name = "DefineCredentialInput";
        Description = "A credential definition: name, tier, framework, rubric, validity, panel size and eligibility rules; with an id, a revision of a draft.";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create a credential; give a draft's id to revise it.");
        Field(x => x.Name, nullable: false).Description("The credential's name: 1-200 characters.");
        Field(x => x.Description, nullable: false).Description("What the credential certifies: 1-4,000 characters.");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("Where the credential sits in the program; SPECIALISATION needs a track.");
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The competency framework (fwk_…) the rubric's competency codes come from.");
        Field(x => x.CriteriaNarrative, nullable: false).Description("What a learner must demonstrate, in prose (published in the badge).");
        Field(x => x.Criteria, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RubricCriterionInputType>>>)).Description("The rubric's criteria: 1-30, each assessing competencies of the framework.");
        Field(x => x.PassThresholdPercent, nullable: false).Description("A review passes at or above this weighted percentage of the maximum points (1-100).");
        Field(x => x.ValidityDays, nullable: true).Description("Days an issued credential is valid; omit for no expiry.");
        Field(x => x.EvaluatorsPerAttempt, nullable: true).Description("Independent evaluators per attempt (2-7, default 2).");
        Field(x => x.Requirements, type: typeof(CredentialRequirementsInputType)).Description("What a learner needs before attempting; left out, anyone enrolled may attempt.");
        Field(x => x.Track, type: typeof(TrackRefInputType)).Description("The specialisation track this credential certifies (tier SPECIALISATION).");
        Field(x => x.NameTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The credential's name in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.DescriptionTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The description in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.CriteriaNarrativeTranslations, type: typeof(ListGraphType<NonNullGraphType<TranslationInputType>>)).Description("The criteria narrative in other languages than the community's default: up to 30, one per language tag.");
        Field(x => x.AllowDirectAward, nullable: true).Description("True lets the community's systems award it directly (awardCredential, the award webhook) without an assessment; false or omitted: only by assessment, pathway or import.");
    }
}
