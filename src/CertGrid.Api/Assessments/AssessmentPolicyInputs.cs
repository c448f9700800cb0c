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
        Field(x => x.Consensus, type: typeof(ConsensusPolicyInputType));
        Field(x => x.Retake, type: typeof(RetakePolicyInputType));
        Field(x => x.BlindReview, nullable: true).Description("Default false.");
        Field(x => x.ReviewDeadlineDays, nullable: true).Description("Default 14; null for no deadline.");
        Field(x => x.AppealWindowDays, nullable: true).Description("Default 30; null for no appeals.");
        Field(x => x.ExcludeSameOrganisation, nullable: true).Description("Default true.");
        Field(x => x.ExcludePreviousFailReviewers, nullable: true).Description("Default false.");
        Field(x => x.Expertise, type: typeof(ExpertiseMatchType)).Description("Default ALL_COMPETENCIES.");
        Field(x => x.RequiredLanguage, nullable: true).Description("A language tag every evaluator must review in, e.g. 'en'.");
        Field(x => x.ReflectivePrompts, type: typeof(ListGraphType<NonNullGraphType<ReflectivePromptInputType>>));
        Field(x => x.Booking, type: typeof(BookingPolicyInputType));
    }
}

public sealed class ConsensusPolicyInputType : InputObjectGraphType<ConsensusPolicyInput>
{
    public ConsensusPolicyInputType()
    {
        Name = "ConsensusPolicyInput";
        Description = "How a panel decides: how far its scores may differ, and what happens when they differ more.";
        Field(x => x.TolerancePoints, nullable: true).Description("0-100 percentage points; omit for the pass/fail rule.");
        Field(x => x.OnDisagreement, type: typeof(DisagreementActionType)).Description("Default ADD_EVALUATOR.");
        Field(x => x.MaxAdditionalEvaluators, nullable: true).Description("0-5, default 3.");
    }
}

public sealed class RetakePolicyInputType : InputObjectGraphType<RetakePolicyInput>
{
    public RetakePolicyInputType()
    {
        Name = "RetakePolicyInput";
        Description = "How often a learner may attempt a credential: attempts per period, cooldown after a fail, remediation.";
        Field(x => x.MaxAttemptsPerPeriod, nullable: true);
        Field(x => x.PeriodDays, nullable: true).Description("Default 365.");
        Field(x => x.CooldownDaysAfterFail, nullable: true).Description("Default 0.");
        Field(x => x.RemediationAfterFails, nullable: true);
    }
}

public sealed class BookingPolicyInputType : InputObjectGraphType<BookingPolicyInput>
{
    public BookingPolicyInputType()
    {
        Name = "BookingPolicyInput";
        Description = "How assessment-session bookings work for a credential: notice, cancellation and rescheduling limits.";
        Field(x => x.ChangeCutoffHours, nullable: true).Description("Default 24.");
        Field(x => x.MaxReschedules, nullable: true).Description("Default 2.");
        Field(x => x.ReminderHoursBefore, nullable: true).Description("Default 24.");
        Field(x => x.MaxActiveBookings, nullable: true).Description("Default 1.");
    }
}

public sealed class ReflectivePromptInputType : InputObjectGraphType<ReflectivePromptInput>
{
    public ReflectivePromptInputType()
    {
        Name = "ReflectivePromptInput";
        Description = "A question learners answer in writing when they submit, and the rubric criterion it is scored under.";
        Field(x => x.Code, nullable: false);
        Field(x => x.Prompt, nullable: false);
        Field(x => x.CriterionCode, nullable: false).Description("A criterion of the credential's rubric; evaluators score the reflection under it.");
        Field(x => x.MinWords, nullable: true).Description("Default 0.");
    }
}
