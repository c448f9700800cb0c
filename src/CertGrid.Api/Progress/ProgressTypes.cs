using CertGrid.Abstractions.Progress;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Programs;
using CertGrid.Api.Resources;
using CertGrid.Domain.Programs;
using CertGrid.Domain.Progress;
using CertGrid.Api.GraphQl.Schema;
using GraphQL.Types;

namespace CertGrid.Api.Progress;

public sealed class PursuitStatusType : EnumerationGraphType<PursuitStatus>
{
    public PursuitStatusType()
    {
        Name = "PursuitStatus";
        Description = "CERTIFIED, UNDER_REVIEW, READY_TO_ATTEMPT or NOT_YET_ELIGIBLE.";
    }
}

public sealed class DemonstratedCompetencyType : ObjectGraphType<DemonstratedCompetency>
{
    public DemonstratedCompetencyType()
    {
        Name = "DemonstratedCompetency";
        Description = "A competency an issued credential shows, at the level the panel found.";
        Field(x => x.Code, nullable: false).Description("The framework competency's code.");
        Field(x => x.RubricLevel, nullable: false).Description("The best rubric level awarded on a criterion aligned to the competency.");
        Field(x => x.Percent, nullable: false).Description("That level's share of the criterion's maximum points.");
        Field(x => x.Proficiency, nullable: true).Description("The framework proficiency level (novice to expert) that share corresponds to.");
        Field(x => x.CredentialId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The issued credential (vc_…) that demonstrates it.");
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The definition (def_…) of that credential.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RequirementCheckType : ObjectGraphType<RequirementCheck>
{
    public RequirementCheckType()
    {
        Name = "RequirementCheck";
        Description = "One eligibility requirement and whether the learner meets it.";
        Field(x => x.Key, nullable: false).Description("prerequisite:<id>, enrolment-period, cohort, assessment-window or framework-version.");
        Field(x => x.Description, nullable: false).Description("The requirement in a sentence, e.g. 'Hold a valid Foundations credential'.");
        Field(x => x.Met, nullable: false).Description("True when the learner meets it now.");
        Field(x => x.Detail, nullable: false).Description("How the learner stands against it, in a sentence.");
        Field(x => x.MetFrom, nullable: true).Description("When it will be met by time alone.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class DeadlineType : ObjectGraphType<Deadline>
{
    public DeadlineType()
    {
        Name = "Deadline";
        Description = "A date that matters for a learner's credential: an attempt window, a renewal window, an expiry.";
        Field(x => x.Kind, nullable: false).Description("cohort-ends, window-opens, window-closes or credential-expires.");
        Field(x => x.Description, nullable: false).Description("The deadline in a sentence for the learner.");
        Field(x => x.At, nullable: false).Description("When it falls (UTC instant).");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CompetencyProgressType : ObjectGraphType<CompetencyProgress>
{
    public CompetencyProgressType()
    {
        Name = "CompetencyProgress";
        Description = "The level a learner has demonstrated in one competency, from their decided attempts.";
        Field(x => x.Code, nullable: false).Description("The competency's code, from the credential's rubric.");
        Field<DemonstratedCompetencyType>("demonstrated").Description("The best level demonstrated so far; null when it has not been.").Resolve(ctx => ctx.Source.Demonstrated);
        Field(x => x.Gap, nullable: false).Description("Not yet demonstrated at the credential's pass threshold.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReviewCriterionFeedbackType : ObjectGraphType<ReviewCriterionFeedback>
{
    public ReviewCriterionFeedbackType()
    {
        Name = "ReviewCriterionFeedback";
        Description = "One criterion of a review as a learner sees it, without naming the evaluator.";
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion's code.");
        Field(x => x.Level, nullable: false).Description("The level the evaluator gave.");
        Field(x => x.Note, nullable: true).Description("The evaluator's note on the criterion; null when they left none.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReviewFeedbackType : ObjectGraphType<ReviewFeedback>
{
    public ReviewFeedbackType()
    {
        Name = "ReviewFeedback";
        Description = "A review as a learner sees it, without naming the evaluator.";
        Field(x => x.Percent, nullable: false).Description("The review's weighted score as a percentage of the maximum, rounded to a whole number (0-100).");
        Field(x => x.Passed, nullable: false).Description("Whether the review reached the pass threshold.");
        Field(x => x.OverallNote, nullable: true).Description("The evaluator's overall note; null when they left none.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewCriterionFeedbackType>>>>("criteria").Description("The level and note per criterion.").Expect(4).Resolve(ctx => ctx.Source.Criteria);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AttemptProgressType : ObjectGraphType<AttemptProgress>
{
    public AttemptProgressType()
    {
        Name = "AttemptProgress";
        Description = "An attempt as a learner's progress report shows it: status, dates and the anonymised feedback of each review.";
        Field(x => x.AttemptId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The attempt (att_…).");
        Field(x => x.Status, type: typeof(NonNullGraphType<Assessments.AttemptStatusType>)).Description("Under review, passed or failed.");
        Field(x => x.SubmittedAt, nullable: false).Description("When it was submitted (UTC instant).");
        Field(x => x.DecidedAt, nullable: true).Description("When it was decided (UTC instant); null while under review.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewFeedbackType>>>>("feedback").Expect(2).Description("Each review, anonymised.").Resolve(ctx => ctx.Source.Feedback);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class CredentialProgressType : ObjectGraphType<CredentialProgress>
{
    public CredentialProgressType()
    {
        Name = "CredentialProgress";
        Description = "A learner's progress towards one credential: requirements met and missing, competencies, attempts, deadlines and recommended resources.";
        Field("credentialDefinitionId", x => x.DefinitionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The credential definition (def_…) pursued.");
        Field(x => x.Name, nullable: false).Description("The credential's name.");
        Field(x => x.Tier, type: typeof(NonNullGraphType<CredentialTierType>)).Description("The credential's tier.");
        Field<NonNullGraphType<PursuitStatusType>>("status").Description("Where the learner stands: certified, under review, ready to attempt or not yet eligible.").Resolve(ctx => ctx.Source.Plan.Status);
        Field(x => x.HeldCredentialId, type: typeof(IdGraphType)).Description("The valid credential (vc_…) the learner holds for it; null when they hold none.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequirementCheckType>>>>("requirementsMet").Description("Eligibility requirements the learner meets.").Expect(2).Resolve(ctx => ctx.Source.Plan.Requirements.Where(r => r.Met));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RequirementCheckType>>>>("requirementsMissing").Description("Eligibility requirements the learner does not meet yet; empty when eligible.").Expect(2).Resolve(ctx => ctx.Source.Plan.Requirements.Where(r => !r.Met));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CompetencyProgressType>>>>("competencies").Description("The credential's competencies and how far the learner has demonstrated each.").Expect(5).Resolve(ctx => ctx.Source.Plan.Competencies);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttemptProgressType>>>>("attempts").Description("The learner's attempts at the credential, newest first.").Expect(2).Resolve(ctx => ctx.Source.Attempts);
        Field<DateTimeOffsetGraphType>("nextEligibleAt").Description("When the learner may next submit, when it can be known.").Resolve(ctx => ctx.Source.Plan.NextEligibleAt);
        Field<NonNullGraphType<StringGraphType>>("nextEligibleNote").Description("When and on what condition the learner may next submit, in a sentence.").Resolve(ctx => ctx.Source.Plan.NextEligibleNote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeadlineType>>>>("deadlines").Description("Upcoming dates that matter for this credential, soonest first.").Expect(3).Resolve(ctx => ctx.Source.Plan.Deadlines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceType>>>>("recommendedResources").Expect(3)
            .Description("Curated resources for the competencies still to demonstrate, or tagged with this credential.").Resolve(ctx => ctx.Source.Resources);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class LearnerProgressType : ObjectGraphType<LearnerProgressInfo>
{
    public LearnerProgressType()
    {
        Name = "LearnerProgress";
        Description = "A learner's progress towards every credential they pursue.";
        Field(x => x.LearnerId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The learner (lrn_…).");
        Field(x => x.LearnerName, nullable: false).Description("The learner's name.");
        Field(x => x.ComputedAt, nullable: false).Description("When this report was computed (UTC instant).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CredentialProgressType>>>>("credentials").Description("Progress on every published credential the learner pursues: attempted, held, or pursued by one of their cohorts.").Expect(3).Resolve(ctx => ctx.Source.Credentials);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DemonstratedCompetencyType>>>>("competencies").Expect(5).Description("Best level per competency, across valid credentials.").Resolve(ctx => ctx.Source.Competencies);
        this.AuthorizeOtherFieldsAsParent();
    }
}
