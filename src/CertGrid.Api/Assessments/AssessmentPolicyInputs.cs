using CertGrid.Domain.Assessments;
using GraphQL.Types;

namespace CertGrid.Api.Assessments;

/// <summary>The whole policy; a field left out takes its default (see <see cref="AssessmentPolicy.Default"/>).</summary>
public sealed class AssessmentPolicyInput
{
    private static readonly AssessmentPolicy Defaults = AssessmentPolicy.Default;

    public ConsensusPolicyInput? Consensus { get; set; }
    public RetakePolicyInput? Retake { get; set; }
    public bool BlindReview { get; set; } = Defaults.BlindReview;
    public int? ReviewDeadlineDays { get; set; } = Defaults.ReviewDeadlineDays;
    public int? AppealWindowDays { get; set; } = Defaults.AppealWindowDays;
    public bool ExcludeSameOrganisation { get; set; } = Defaults.ExcludeSameOrganisation;
    public bool ExcludePreviousFailReviewers { get; set; } = Defaults.ExcludePreviousFailReviewers;
    public ExpertiseMatch Expertise { get; set; } = Defaults.Expertise;
    public string? RequiredLanguage { get; set; }
    public List<ReflectivePromptInput>? ReflectivePrompts { get; set; }
    public BookingPolicyInput? Booking { get; set; }

    public AssessmentPolicy ToPolicy() => new(
        (Consensus ?? new ConsensusPolicyInput()).ToPolicy(), (Retake ?? new RetakePolicyInput()).ToPolicy(), BlindReview, ReviewDeadlineDays, AppealWindowDays,
        ExcludeSameOrganisation, ExcludePreviousFailReviewers, Expertise, RequiredLanguage,
        (ReflectivePrompts ?? []).Select(p => new ReflectivePrompt(p.Code, p.Prompt, p.CriterionCode, p.MinWords)).ToList(),
        (Booking ?? new BookingPolicyInput()).ToPolicy());
}

public sealed class ConsensusPolicyInput
{
    public int? TolerancePoints { get; set; }
    public DisagreementAction OnDisagreement { get; set; } = ConsensusPolicy.Default.OnDisagreement;
    public int MaxAdditionalEvaluators { get; set; } = ConsensusPolicy.Default.MaxAdditionalEvaluators;

    public ConsensusPolicy ToPolicy() => new(TolerancePoints, OnDisagreement, MaxAdditionalEvaluators);
}

public sealed class RetakePolicyInput
{
    public int? MaxAttemptsPerPeriod { get; set; }
    public int PeriodDays { get; set; } = RetakePolicy.Default.PeriodDays;
    public int CooldownDaysAfterFail { get; set; }
    public int? RemediationAfterFails { get; set; }

    public RetakePolicy ToPolicy() => new(MaxAttemptsPerPeriod, PeriodDays, CooldownDaysAfterFail, RemediationAfterFails);
}

public sealed class BookingPolicyInput
{
    public int ChangeCutoffHours { get; set; } = BookingPolicy.Default.ChangeCutoffHours;
    public int MaxReschedules { get; set; } = BookingPolicy.Default.MaxReschedules;
    public int ReminderHoursBefore { get; set; } = BookingPolicy.Default.ReminderHoursBefore;
    public int MaxActiveBookings { get; set; } = BookingPolicy.Default.MaxActiveBookings;

    public BookingPolicy ToPolicy() => new(ChangeCutoffHours, MaxReschedules, ReminderHoursBefore, MaxActiveBookings);
}

public sealed class ReflectivePromptInput
{
    public string Code { get; set; } = string.Empty;
    public string Prompt { get; set; } = string.Empty;
    public string CriterionCode { get; set; } = string.Empty;
    public int MinWords { get; set; }
}

public sealed class AssessmentPolicyInputType : InputObjectGraphType<AssessmentPolicyInput>
{
    public AssessmentPolicyInputType()
    {
        Name = "AssessmentPolicyInput";
        Description = "A credential's assessment policy. It replaces the previous one; fields left out take their defaults.";
        Field(x => x.Consensus, type: typeof(ConsensusPolicyInputType)).Description("How the panel's reviews combine into a decision; left out, the defaults.");
        Field(x => x.Retake, type: typeof(RetakePolicyInputType)).Description("How often a learner may attempt the credential; left out, unlimited attempts and no cooldown.");
        Field(x => x.BlindReview, nullable: true).Description("Evaluators see a pseudonym, never the learner's id or name; default false.");
        Field(x => x.ReviewDeadlineDays, nullable: true).Description("Days an evaluator has per review before it is reassigned (1-90); default 14, null for no deadline.");
        Field(x => x.AppealWindowDays, nullable: true).Description("Days after a failed decision the learner may appeal (1-365); default 30, null for no appeals.");
        Field(x => x.ExcludeSameOrganisation, nullable: true).Description("Keep evaluators from the learner's organisation off their panel; default true.");
        Field(x => x.ExcludePreviousFailReviewers, nullable: true).Description("Keep evaluators of the learner's failed attempts off a retake's panel; default false.");
        Field(x => x.Expertise, type: typeof(ExpertiseMatchType)).Description("How much of the rubric's competencies an evaluator's expertise must cover; default ALL_COMPETENCIES.");
        Field(x => x.RequiredLanguage, nullable: true).Description("A language tag every evaluator must review in, e.g. 'en'.");
        Field(x => x.ReflectivePrompts, type: typeof(ListGraphType<NonNullGraphType<ReflectivePromptInputType>>)).Description("Up to 10 questions every attempt must answer in writing; left out, none.");
        Field(x => x.Booking, type: typeof(BookingPolicyInputType)).Description("How assessment-session bookings work; left out, the defaults.");
    }
}

public sealed class ConsensusPolicyInputType : InputObjectGraphType<ConsensusPolicyInput>
{
    public ConsensusPolicyInputType()
    {
        Name = "ConsensusPolicyInput";
        Description = "How a panel decides: how far its scores may differ, and what happens when they differ more.";
        Field(x => x.TolerancePoints, nullable: true).Description("0-100 percentage points; omit for the pass/fail rule.");
        Field(x => x.OnDisagreement, type: typeof(DisagreementActionType)).Description("What happens when reviews differ by more than the tolerance; default ADD_EVALUATOR.");
        Field(x => x.MaxAdditionalEvaluators, nullable: true).Description("Extra evaluators a disagreeing panel may get before it must discuss: 0-5, default 3.");
    }
}

public sealed class RetakePolicyInputType : InputObjectGraphType<RetakePolicyInput>
{
    public RetakePolicyInputType()
    {
        Name = "RetakePolicyInput";
        Description = "How often a learner may attempt a credential: attempts per period, cooldown after a fail, remediation.";
        Field(x => x.MaxAttemptsPerPeriod, nullable: true).Description("At most this many attempts in any period of periodDays (1-100); left out, unlimited.");
        Field(x => x.PeriodDays, nullable: true).Description("The rolling period, in days, maxAttemptsPerPeriod counts over (1-3660); default 365.");
        Field(x => x.CooldownDaysAfterFail, nullable: true).Description("Days to wait after a failed decision before attempting again (0-365); default 0.");
        Field(x => x.RemediationAfterFails, nullable: true).Description("After this many fails (1-20) a diagnostic self-assessment is required before the next attempt; left out, never.");
    }
}

public sealed class BookingPolicyInputType : InputObjectGraphType<BookingPolicyInput>
{
    public BookingPolicyInputType()
    {
        Name = "BookingPolicyInput";
        Description = "How assessment-session bookings work for a credential: notice, cancellation and rescheduling limits.";
        Field(x => x.ChangeCutoffHours, nullable: true).Description("Learners may cancel or reschedule until this many hours before a session (0-720); default 24.");
        Field(x => x.MaxReschedules, nullable: true).Description("How often one booking may be moved to another slot (0-10); default 2.");
        Field(x => x.ReminderHoursBefore, nullable: true).Description("Hours before a session its reminder notice is sent (1-336); default 24.");
        Field(x => x.MaxActiveBookings, nullable: true).Description("Upcoming sessions a learner may hold for the credential (1-5); default 1.");
    }
}

public sealed class ReflectivePromptInputType : InputObjectGraphType<ReflectivePromptInput>
{
    public ReflectivePromptInputType()
    {
        Name = "ReflectivePromptInput";
        Description = "A question learners answer in writing when they submit, and the rubric criterion it is scored under.";
        Field(x => x.Code, nullable: false).Description("A code for the prompt, unique in the policy: letters, digits, '.', '_' or '-', up to 40 characters.");
        Field(x => x.Prompt, nullable: false).Description("The question learners answer: 1-1,000 characters.");
        Field(x => x.CriterionCode, nullable: false).Description("A criterion of the credential's rubric; evaluators score the reflection under it.");
        Field(x => x.MinWords, nullable: true).Description("The fewest words an answer may have (0-2000); default 0, any length.");
    }
}
