using CertGrid.Abstractions.Programs;
using CertGrid.Api.GraphQl;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class RubricLevelType : ObjectGraphType<RubricLevel>
{
    public RubricLevelType()
    {
        Name = "RubricLevel";
        Field(x => x.Name, nullable: false);
        Field(x => x.Points, nullable: false);
        Field(x => x.Descriptor, nullable: true);
    }
}

public sealed class RubricCriterionType : ObjectGraphType<RubricCriterion>
{
    public RubricCriterionType()
    {
        Name = "RubricCriterion";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.CompetencyCodes, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricLevelType>>>>("levels").Resolve(ctx => ctx.Source.Levels);
        Field(x => x.Weight, nullable: false);
    }
}

public sealed class RubricType : ObjectGraphType<Rubric>
{
    public RubricType()
    {
        Name = "Rubric";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricCriterionType>>>>("criteria").Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.PassThresholdPercent, nullable: false).Description("A review passes at or above this weighted percentage of the maximum points.");
    }
}

public sealed class CredentialDefinitionType : ObjectGraphType<CredentialDefinitionInfo>
{
    public CredentialDefinitionType()
    {
        Name = "CredentialDefinition";
        Description = "A credential the community awards, with the rubric evidence is scored against.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: false);
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>));
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.FrameworkVersion, nullable: true).Description("The framework version this credential is assessed against (pinned at publication).");
        Field(x => x.CriteriaNarrative, nullable: false);
        Field<NonNullGraphType<RubricType>>("rubric").Resolve(ctx => ctx.Source.Rubric);
        Field(x => x.ValidityDays, nullable: true).Description("How long an issued credential is valid; null means it does not expire.");
        Field(x => x.EvaluatorsPerAttempt, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.PublishedAt, nullable: true);
        Field<NonNullGraphType<Assessments.AssessmentPolicyType>>("assessmentPolicy").Description("Assessment-integrity rules (see setAssessmentPolicy).")
            .ResolveAsync(async ctx => await ctx.Grains().GetGrain<ICredentialDefinitionGrain>(new ScopedKey(ctx.Caller().Community!, ctx.Source.Id).ToString()).GetAssessmentPolicyAsync());
    }
}
