using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class CompetencyInput
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<string> Outcomes { get; set; } = [];

    public Competency ToCompetency() => new(Code, Name, Description, Outcomes);
}

public sealed class CompetencyInputType : InputObjectGraphType<CompetencyInput>
{
    public CompetencyInputType()
    {
        Name = "CompetencyInput";
        Field(x => x.Code, nullable: false).Description("Unique in the framework, e.g. 'SEC-2'.");
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Outcomes, nullable: false).Description("Observable behaviours or measurable outcomes (1-20).");
    }
}

public sealed class DefineFrameworkInput
{
    public string? Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public List<CompetencyInput> Competencies { get; set; } = [];
}

public sealed class DefineFrameworkInputType : InputObjectGraphType<DefineFrameworkInput>
{
    public DefineFrameworkInputType()
    {
        Name = "DefineFrameworkInput";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create a framework; give a draft's id to revise it.");
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.Competencies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyInputType>>>));
    }
}

public sealed class RubricLevelInput
{
    public string Name { get; set; } = string.Empty;
    public int Points { get; set; }
    public string? Descriptor { get; set; }
}

public sealed class RubricLevelInputType : InputObjectGraphType<RubricLevelInput>
{
    public RubricLevelInputType()
    {
        Name = "RubricLevelInput";
        Field(x => x.Name, nullable: false);
        Field(x => x.Points, nullable: false);
        Field(x => x.Descriptor, nullable: true);
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

    public RubricCriterion ToCriterion() => new(Code, Name, Description, CompetencyCodes,
        Levels.Select(l => new RubricLevel(l.Name, l.Points, l.Descriptor)).ToList(), Weight ?? 1);
}

public sealed class RubricCriterionInputType : InputObjectGraphType<RubricCriterionInput>
{
    public RubricCriterionInputType()
    {
        Name = "RubricCriterionInput";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.CompetencyCodes, nullable: false).Description("Codes of the framework competencies this criterion assesses.");
        Field(x => x.Levels, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RubricLevelInputType>>>));
        Field(x => x.Weight, nullable: true).Description("Relative weight, default 1.");
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

    public Rubric ToRubric() => new(Criteria.Select(c => c.ToCriterion()).ToList(), PassThresholdPercent);
}

public sealed class DefineCredentialInputType : InputObjectGraphType<DefineCredentialInput>
{
    public DefineCredentialInputType()
    {
        Name = "DefineCredentialInput";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Omit to create a credential; give a draft's id to revise it.");
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: false);
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>));
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.CriteriaNarrative, nullable: false).Description("What a learner must demonstrate, in prose (published in the badge).");
        Field(x => x.Criteria, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RubricCriterionInputType>>>));
        Field(x => x.PassThresholdPercent, nullable: false);
        Field(x => x.ValidityDays, nullable: true).Description("Days an issued credential is valid; omit for no expiry.");
        Field(x => x.EvaluatorsPerAttempt, nullable: true).Description("Independent evaluators per attempt (2-7, default 2).");
    }
}
