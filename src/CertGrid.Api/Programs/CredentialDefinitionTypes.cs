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
        Field(x => x.Title, nullable: false).Description("What the exemplar shows.");
        Field(x => x.Url, nullable: true).Description("A link to the exemplar; null when it is a file of the resource library.");
        Field(x => x.ResourceId, type: typeof(IdGraphType)).Description("The resource library file (res_…) that is the exemplar; null when it is a link.");
        Field(x => x.Description, nullable: true).Description("Why it illustrates the level; null when none was given.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RubricLevelType : ObjectGraphType<RubricLevel>
{
    public RubricLevelType()
    {
        Name = "RubricLevel";
        Description = "A level of a rubric criterion: its name, points, descriptor and exemplars.";
        Field(x => x.Name, nullable: false).Description("The level's name, e.g. 'Proficient' in the reader's language (the language argument, then Accept-Language, then the community's default).");
        Field(x => x.Points, nullable: false).Description("The points a review scores for reaching this level on the criterion.");
        Field(x => x.Descriptor, nullable: true).Description("What evidence at this level looks like; null when none was written.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExemplarType>>>>("exemplars").Description("Artifacts that illustrate the level; empty when there are none.").Expect(1).Resolve(ctx => ctx.Source.Exemplars ?? []);
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
        Field(x => x.Code, nullable: false).Description("The criterion's code, unique in the rubric; reviews name it as criterionCode.");
        Field(x => x.Name, nullable: false).Description("The criterion's name in the reader's language (the language argument, then Accept-Language, then the community's default).");
        Field(x => x.Description, nullable: true).Description("What the criterion assesses; null when none was written.");
        Field(x => x.CompetencyCodes, nullable: false).Description("Codes of the framework competencies the criterion assesses.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricLevelType>>>>("levels").Description("The criterion's levels, lowest points first.").Expect(4).Resolve(ctx => ctx.Source.Levels);
        Field(x => x.Weight, nullable: false).Description("The criterion's weight in the weighted score (1-100).");
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RubricCriterionType>>>>("criteria").Description("The criteria every review scores, in order.").Expect(4).Resolve(ctx => ctx.Source.Criteria);
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
        Field(x => x.PrerequisiteIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Credential definitions (def_…) a learner must hold a valid credential of; empty when none.");
        Field(x => x.MinimumDaysEnrolled, nullable: true).Description("Days a learner must have been enrolled before attempting; null when there is no minimum.");
        Field(x => x.RequiresCohort, nullable: false).Description("True when only members of a running cohort that includes the credential may attempt it.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class TrackRefType : ObjectGraphType<TrackRef>
{
    public TrackRefType()
    {
        Name = "TrackRef";
        Description = "A specialisation track a credential certifies.";
        Field(x => x.SpecialisationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The specialisation (spc_…).");
        Field(x => x.TrackCode, nullable: false).Description("The code of the track within the specialisation.");
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
        Field(x => x.Title, nullable: false).Description("The section's heading.");
        Field(x => x.Configured, nullable: false).Description("False when the community has not configured this policy: the lines then say so.");
        Field(x => x.Lines, nullable: false).Description("The section's text, one sentence or bullet per line.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class PolicyDocumentType : ObjectGraphType<PolicyDocument>
{
    public PolicyDocumentType()
    {
        Name = "PolicyDocument";
        Description = "The policy published with a credential, generated from its configuration at publication.";
        Field(x => x.CredentialName, nullable: false).Description("The credential's name the policy is for.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicySectionType>>>>("sections").Description("The policy's sections in reading order.").Expect(6).Resolve(ctx => ctx.Source.Sections);
        Field(x => x.GeneratedAt, nullable: false).Description("When the document was generated, at publication (UTC instant).");
        Field<NonNullGraphType<StringGraphType>>("markdown").Description("The whole document as Markdown, for publishing as it is.").Resolve(ctx => ctx.Source.ToMarkdown());
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CredentialDefinitionType : ObjectGraphType<CredentialDefinitionInfo>
{
    public CredentialDefinitionType()
    {
        Name = "CredentialDefinition";
        Description = "A credential the community awards, with the rubric evidence is scored against.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The definition's id (def_…).");
        Field(x => x.Name, nullable: false).Description("The credential's name in the reader's language (the language argument, then Accept-Language, then the community's default).");
        Field(x => x.Description, nullable: false).Description("What the credential certifies in the reader's language (the language argument, then Accept-Language, then the community's default).");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("Where the credential sits in the program: foundational, advanced, specialisation or micro.");
        Field(x => x.FrameworkId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The competency framework (fwk_…) the credential is built on.");
        Field(x => x.FrameworkVersion, nullable: true).Description("The framework version this credential is assessed against (pinned at publication).");
        Field(x => x.CriteriaNarrative, nullable: false).Description("How the credential is earned, in prose; Open Badges credentials carry it as the achievement's criteria.");
        Field<NonNullGraphType<RubricType>>("rubric").Description("How evidence for the credential is scored.").Resolve(ctx => ctx.Source.Rubric);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scoringMethodology")
            .Description("How evidence is scored and decided, in plain words.")
            .Resolve(ctx => ScoringMethodology.Describe(ctx.Source.Rubric, ctx.Source.EvaluatorsPerAttempt));
        Field(x => x.ValidityDays, nullable: true).Description("How long an issued credential is valid; null means it does not expire.");
        Field(x => x.EvaluatorsPerAttempt, nullable: false).Description("How many independent evaluators review each attempt (2-7).");
        Field(x => x.AllowsDirectAward, nullable: false).Description("Whether the community's systems may award it directly (awardCredential, the award webhook), without an assessment.");
        Field(x => x.Status, type: typeof(NonNullGraphType<PublicationStatusType>)).Description("DRAFT until an admin publishes it; only admins read drafts.");
        Field(x => x.CreatedAt, nullable: false).Description("When the definition was created (UTC instant).");
        Field(x => x.PublishedAt, nullable: true).Description("When it was published (UTC instant); null while a draft.");
        Field<NonNullGraphType<Assessments.AssessmentPolicyType>>("assessmentPolicy").Description("Assessment-integrity rules (see setAssessmentPolicy).")
            .Resolve(ctx => ctx.Source.AssessmentPolicy ?? Domain.Assessments.AssessmentPolicy.Default);
        Field<NonNullGraphType<CredentialRequirementsType>>("requirements").Description("What a learner needs before attempting it; empty requirements when anyone enrolled may attempt.").Resolve(ctx => ctx.Source.EffectiveRequirements);
        Field<TrackRefType>("track").Description("The specialisation track the credential certifies; null when it certifies none.").Resolve(ctx => ctx.Source.Track);
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
