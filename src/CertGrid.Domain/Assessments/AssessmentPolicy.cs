namespace CertGrid.Domain.Assessments;

/// <summary>What a panel does when its evaluators disagree beyond the tolerance.</summary>
public enum DisagreementAction
{
    /// <summary>Add one more independent evaluator (up to the policy's limit), then a discussion if still undecided.</summary>
    AddEvaluator,
    /// <summary>Open a consensus discussion among the panel; the lead evaluator closes it with a recorded decision.</summary>
    Discussion,
}

/// <summary>How much of a credential's rubric an evaluator's expertise must cover to be assigned.</summary>
public enum ExpertiseMatch
{
    /// <summary>Every competency the rubric's criteria align to.</summary>
    AllCompetencies,
    /// <summary>At least one of them.</summary>
    AnyCompetency,
}

/// <summary>
/// How a panel reaches a decision. Without a tolerance the foundation rule applies (all pass, all fail, or a split
/// that needs another evaluator). With one, reviews whose percentages lie within <see cref="TolerancePoints"/>
/// of each other agree and their mean decides; a unanimous panel decides whatever its spread.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.consensus-policy")]
public sealed record ConsensusPolicy(
    [property: Id(0)] int? TolerancePoints,
    [property: Id(1)] DisagreementAction OnDisagreement,
    [property: Id(2)] int MaxAdditionalEvaluators)
{
    public static ConsensusPolicy Default { get; } = new(null, DisagreementAction.AddEvaluator, 3);
}

/// <summary>When a learner may attempt a credential again.</summary>
/// <param name="MaxAttemptsPerPeriod">At most this many attempts in any <paramref name="PeriodDays"/> days; null is unlimited.</param>
/// <param name="CooldownDaysAfterFail">Days to wait after a failed attempt is decided; 0 is none.</param>
/// <param name="RemediationAfterFails">After this many fails (since the last diagnostic), a diagnostic self-assessment is required; null is never.</param>
[GenerateSerializer, Immutable, Alias("certgrid.retake-policy")]
public sealed record RetakePolicy(
    [property: Id(0)] int? MaxAttemptsPerPeriod,
    [property: Id(1)] int PeriodDays,
    [property: Id(2)] int CooldownDaysAfterFail,
    [property: Id(3)] int? RemediationAfterFails)
{
    public static RetakePolicy Default { get; } = new(null, 365, 0, null);
}

/// <summary>The rules of live assessment sessions for a credential.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.booking-policy")]
public sealed record BookingPolicy(
    [property: Id(0)] int ChangeCutoffHours,
    [property: Id(1)] int MaxReschedules,
    [property: Id(2)] int ReminderHoursBefore,
    [property: Id(3)] int MaxActiveBookings)
{
    public static BookingPolicy Default { get; } = new(24, 2, 24, 1);
}

/// <summary>A written reflection a submission must carry, scored by evaluators under one rubric criterion.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.reflective-prompt")]
public sealed record ReflectivePrompt(
    [property: Id(0)] string Code,
    [property: Id(1)] string Prompt,
    [property: Id(2)] string CriterionCode,
    [property: Id(3)] int MinWords);

/// <summary>
/// A credential's assessment-integrity rules: consensus, retakes, blind review, deadlines, appeals, conflict of
/// interest, evaluator requirements, reflections and live sessions. Attempts keep the policy in force when they were
/// submitted, so a later change never alters an attempt under way.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.assessment-policy")]
public sealed record AssessmentPolicy(
    [property: Id(0)] ConsensusPolicy Consensus,
    [property: Id(1)] RetakePolicy Retake,
    [property: Id(2)] bool BlindReview,
    [property: Id(3)] int? ReviewDeadlineDays,
    [property: Id(4)] int? AppealWindowDays,
    [property: Id(5)] bool ExcludeSameOrganisation,
    [property: Id(6)] bool ExcludePreviousFailReviewers,
    [property: Id(7)] ExpertiseMatch Expertise,
    [property: Id(8)] string? RequiredLanguage,
    [property: Id(9)] IReadOnlyList<ReflectivePrompt> ReflectivePrompts,
    [property: Id(10)] BookingPolicy Booking)
{
    /// <summary>
    /// The policy of a credential nobody configured: the foundation consensus rule, unlimited retakes, open
    /// review, 14 days per review, 30 days to appeal, no evaluator from the learner's organisation, full expertise.
    /// </summary>
    public static AssessmentPolicy Default { get; } = new(
        ConsensusPolicy.Default, RetakePolicy.Default, false, 14, 30, true, false, ExpertiseMatch.AllCompetencies, null, [], BookingPolicy.Default);
}
