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
        Field(x => x.OnDisagreement, type: typeof(NonNullGraphType<DisagreementActionType>)).Description("What happens when reviews differ by more than the tolerance.");
        Field(x => x.MaxAdditionalEvaluators, nullable: false).Description("How many extra evaluators may be added to a disagreeing panel before it must discuss (0-5).");
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
        Field(x => x.PeriodDays, nullable: false).Description("The length in days of the rolling period maxAttemptsPerPeriod counts over.");
        Field(x => x.CooldownDaysAfterFail, nullable: false).Description("Days a learner waits after a failed decision before attempting again; 0: no wait.");
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
        Field(x => x.MaxReschedules, nullable: false).Description("How many times a learner may move one booking to another slot.");
        Field(x => x.ReminderHoursBefore, nullable: false).Description("How many hours before a session its reminder notice is sent.");
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
        Field(x => x.Code, nullable: false).Description("The prompt's code; a learner's reflection names it as promptCode.");
        Field(x => x.Prompt, nullable: false).Description("The question the learner answers.");
        Field(x => x.CriterionCode, nullable: false).Description("The rubric criterion evaluators score the reflection under.");
        Field(x => x.MinWords, nullable: false).Description("The fewest words an answer may have; 0: any length.");
        this.AuthorizeOtherFieldsAsParent();
    }
}

public sealed class AssessmentPolicyType : ObjectGraphType<AssessmentPolicy>
{
    public AssessmentPolicyType()
    {
        Name = "AssessmentPolicy";
        Description = "A credential's assessment-integrity rules. Attempts keep the policy they were submitted under.";
        Field<NonNullGraphType<ConsensusPolicyType>>("consensus").Description("How the panel's reviews combine into a decision.").Resolve(ctx => ctx.Source.Consensus);
        Field<NonNullGraphType<RetakePolicyType>>("retake").Description("How often a learner may attempt the credential.").Resolve(ctx => ctx.Source.Retake);
        Field(x => x.BlindReview, nullable: false).Description("Evaluators see a pseudonym, never the learner's id or name.");
        Field(x => x.ReviewDeadlineDays, nullable: true).Description("Days per review before it is reassigned; null: no deadline.");
        Field(x => x.AppealWindowDays, nullable: true).Description("Days after a failed decision to appeal; null: no appeals.");
        Field(x => x.ExcludeSameOrganisation, nullable: false).Description("Evaluators from the learner's organisation never sit on their panel.");
        Field(x => x.ExcludePreviousFailReviewers, nullable: false).Description("Evaluators of the learner's failed attempts never review a retake.");
        Field(x => x.Expertise, type: typeof(NonNullGraphType<ExpertiseMatchType>)).Description("How much of the rubric's competencies an evaluator's expertise must cover to be chosen.");
        Field(x => x.RequiredLanguage, nullable: true).Description("A language tag (e.g. 'en') every evaluator must review in; null: any language.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReflectivePromptType>>>>("reflectivePrompts").Description("Questions every attempt must answer in writing; empty when there are none.").Resolve(ctx => ctx.Source.ReflectivePrompts);
        Field<NonNullGraphType<BookingPolicyType>>("booking").Description("How assessment-session bookings for the credential work.").Resolve(ctx => ctx.Source.Booking);
        this.AuthorizeOtherFieldsAsParent();
    }
}
