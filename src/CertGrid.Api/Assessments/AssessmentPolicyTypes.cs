using CertGrid.Domain.Assessments;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

public sealed class DisagreementActionType : EnumerationGraphType<DisagreementAction>
{
    public DisagreementActionType()
    {
        Name = "DisagreementAction";
        Description = "ADD_EVALUATOR (then a discussion once the extra evaluators allowed are used) or DISCUSSION (the lead evaluator decides after a consensus discussion).";
    }
}

public sealed class ExpertiseMatchType : EnumerationGraphType<ExpertiseMatch>
{
    public ExpertiseMatchType()
    {
        Name = "ExpertiseMatch";
        Description = "ALL_COMPETENCIES: an evaluator's expertise covers every competency of the rubric; ANY_COMPETENCY: at least one.";
    }
}

public sealed class ConsensusPolicyType : ObjectGraphType<ConsensusPolicy>
{
    public ConsensusPolicyType()
    {
        Name = "ConsensusPolicy";
        Description = "How a panel decides: how far its scores may differ, and what happens when they differ more.";
        Field(x => x.TolerancePoints, nullable: true).Description("Reviews within this many percentage points agree and their mean decides; null: the pass/fail rule.");
        Field(x => x.OnDisagreement, type: typeof(NonNullGraphType<DisagreementActionType>));
        Field(x => x.MaxAdditionalEvaluators, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class RetakePolicyType : ObjectGraphType<RetakePolicy>
{
    public RetakePolicyType()
    {
        Name = "RetakePolicy";
        Description = "How often a learner may attempt a credential: attempts per period, cooldown after a fail, remediation.";
        Field(x => x.MaxAttemptsPerPeriod, nullable: true).Description("At most this many attempts in any period; null: unlimited.");
        Field(x => x.PeriodDays, nullable: false);
        Field(x => x.CooldownDaysAfterFail, nullable: false);
        Field(x => x.RemediationAfterFails, nullable: true).Description("After this many fails a diagnostic self-assessment is required; null: never.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class BookingPolicyType : ObjectGraphType<BookingPolicy>
{
    public BookingPolicyType()
    {
        Name = "BookingPolicy";
        Description = "How assessment-session bookings work for a credential: notice, cancellation and rescheduling limits.";
        Field(x => x.ChangeCutoffHours, nullable: false).Description("Learners may cancel or reschedule until this many hours before a session.");
        Field(x => x.MaxReschedules, nullable: false);
        Field(x => x.ReminderHoursBefore, nullable: false);
        Field(x => x.MaxActiveBookings, nullable: false).Description("Upcoming sessions a learner may hold for the credential.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class ReflectivePromptType : ObjectGraphType<ReflectivePrompt>
{
    public ReflectivePromptType()
    {
        Name = "ReflectivePrompt";
        Description = "A question learners answer in writing when they submit, scored under a rubric criterion.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Prompt, nullable: false);
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion evaluators score the reflection under.");
        Field(x => x.MinWords, nullable: false);
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AssessmentPolicyType : ObjectGraphType<AssessmentPolicy>
{
    public AssessmentPolicyType()
    {
        Name = "AssessmentPolicy";
        Description = "A credential's assessment-integrity rules. Attempts keep the policy they were submitted under.";
        Field<NonNullGraphType<ConsensusPolicyType>>("consensus").Resolve(ctx => ctx.Source.Consensus);
        Field<NonNullGraphType<RetakePolicyType>>("retake").Resolve(ctx => ctx.Source.Retake);
        Field(x => x.BlindReview, nullable: false).Description("Evaluators see a pseudonym, never the learner's id or name.");
        Field(x => x.ReviewDeadlineDays, nullable: true).Description("Days per review before it is reassigned; null: no deadline.");
        Field(x => x.AppealWindowDays, nullable: true).Description("Days after a failed decision to appeal; null: no appeals.");
        Field(x => x.ExcludeSameOrganisation, nullable: false);
        Field(x => x.ExcludePreviousFailReviewers, nullable: false).Description("Evaluators of the learner's failed attempts never review a retake.");
        Field(x => x.Expertise, type: typeof(NonNullGraphType<ExpertiseMatchType>));
        Field(x => x.RequiredLanguage, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReflectivePromptType>>>>("reflectivePrompts").Resolve(ctx => ctx.Source.ReflectivePrompts);
        Field<NonNullGraphType<BookingPolicyType>>("booking").Resolve(ctx => ctx.Source.Booking);
        this.AuthorizeOtherFieldsAsParent();
    }
}
