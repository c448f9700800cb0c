using CertGrid.Abstractions.Programs;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.GraphQl;
using CertGrid.Api.Languages;
using CertGrid.Domain.Programs;
using GraphQL.Types;

namespace CertGrid.Api.Programs;

public sealed class ExemplarType : ObjectGraphType<Exemplar>
{
    public ExemplarType()
    {
        Name = "Exemplar";
        Description = "An artifact that illustrates a rubric level: a link, or a file of the resource library.";
        Field(x => x.Title, nullable: false);
        Field(x => x.Url, nullable: true);
        Field(x => x.ResourceId, type: typeof(IdGraphType));
        Field(x => x.Description, nullable: true);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RubricLevelType : ObjectGraphType<RubricLevel>
{
    public RubricLevelType()
    {
        Name = "RubricLevel";
        Description = "A level of a rubric criterion: its name, points, descriptor and exemplars.";
        Field(x => x.Name, nullable: false);
        Field(x => x.Points, nullable: false);
        Field(x => x.Descriptor, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExemplarType>>>>("exemplars").Expect(1).Resolve(ctx => ctx.Source.Exemplars ?? []);
        this.AddTranslationsField("nameTranslations", l => l.NameTranslations);
        this.AddTranslationsField("descriptorTranslations", l => l.DescriptorTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RubricCriterionType : ObjectGraphType<RubricCriterion>
{
    public RubricCriterionType()
    {
        Name = "RubricCriterion";
        Description = "A criterion of a rubric: the competencies it assesses, its weight and its levels.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Name, nullable: false);
        Field(x => x.Description, nullable: true);
        Field(x => x.CompetencyCodes, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricLevelType>>>>("levels").Expect(4).Resolve(ctx => ctx.Source.Levels);
        Field(x => x.Weight, nullable: false);
        this.AddTranslationsField("nameTranslations", c => c.NameTranslations);
        this.AddTranslationsField("descriptionTranslations", c => c.DescriptionTranslations);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RubricType : ObjectGraphType<Rubric>
{
    public RubricType()
    {
        Name = "Rubric";
        Description = "How evidence is scored: weighted criteria with levels, and the percentage that passes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricCriterionType>>>>("criteria").Expect(4).Resolve(ctx => ctx.Source.Criteria);
        Field(x => x.PassThresholdPercent, nullable: false).Description("A review passes at or above this weighted percentage of the maximum points.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CredentialRequirementsType : ObjectGraphType<CredentialRequirements>
{
    public CredentialRequirementsType()
    {
        Name = "CredentialRequirements";
        Description = "What a learner needs before attempting a credential: prerequisite credentials, time enrolled and cohort membership.";
        Field(x => x.PrerequisiteIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>));
        Field(x => x.MinimumDaysEnrolled, nullable: true);
        Field(x => x.RequiresCohort, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TrackRefType : ObjectGraphType<TrackRef>
{
    public TrackRefType()
    {
        Name = "TrackRef";
        Description = "A specialisation track a credential certifies.";
        Field(x => x.SpecialisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.TrackCode, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PolicySectionType : ObjectGraphType<PolicySection>
{
    public PolicySectionType()
    {
        Name = "PolicySection";
        Description = "One section of a credential's published policy document.";
        Field(x => x.Key, nullable: false).Description("eligibility, timelines, retakes, lifespan, renewal or appeals.");
        Field(x => x.Title, nullable: false);
        Field(x => x.Configured, nullable: false).Description("False when the community has not configured this policy: the lines then say so.");
        Field(x => x.Lines, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PolicyDocumentType : ObjectGraphType<PolicyDocument>
{
    public PolicyDocumentType()
    {
        Name = "PolicyDocument";
        Description = "The policy published with a credential, generated from its configuration at publication.";
        Field(x => x.CredentialName, nullable: false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicySectionType>>>>("sections").Expect(6).Resolve(ctx => ctx.Source.Sections);
        Field(x => x.GeneratedAt, nullable: false);
        Field<NonNullGraphType<StringGraphType>>("markdown").Resolve(ctx => ctx.Source.ToMarkdown());
        this.AuthorizeOtherFieldsAsParent();
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scoringMethodology")
            .Description("How evidence is scored and decided, in plain words.")
            .Resolve(ctx => ScoringMethodology.Describe(ctx.Source.Rubric, ctx.Source.EvaluatorsPerAttempt));
        Field(x => x.ValidityDays, nullable: true).Description("How long an issued credential is valid; null means it does not expire.");
        Field(x => x.EvaluatorsPerAttempt, nullable: false);
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>));
        Field(x => x.CreatedAt, nullable: false);
        Field(x => x.PublishedAt, nullable: true);
        Field<NonNullGraphType<Assessments.AssessmentPolicyType>>("assessmentPolicy").Description("Assessment-integrity rules (see setAssessmentPolicy).")
            .Resolve(ctx => ctx.Source.AssessmentPolicy ?? Domain.Assessments.AssessmentPolicy.Default);
        Field<NonNullGraphType<CredentialRequirementsType>>("requirements").Resolve(ctx => ctx.Source.EffectiveRequirements);
        Field<TrackRefType>("track").Resolve(ctx => ctx.Source.Track);
        Field<PolicyDocumentType>("policy").Description("The policy document published with the credential (null while a draft).").Resolve(ctx => ctx.Source.Policy);
        Field<NonNullGraphType<StringGraphType>>("approvalFingerprint")
            .Description("What the steering committee approves: a hash of everything the definition says. Any later change needs a new approval.")
            .Resolve(ctx => DefinitionFingerprint.Of(ctx.Source));
        this.AddTranslationsField("nameTranslations", d => d.Translations?.Name);
        this.AddTranslationsField("descriptionTranslations", d => d.Translations?.Description);
        this.AddTranslationsField("criteriaNarrativeTranslations", d => d.Translations?.CriteriaNarrative);
        this.AuthorizeOtherFieldsAsParent();
    }
}
