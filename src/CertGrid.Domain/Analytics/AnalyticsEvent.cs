using CertGrid.Domain.Demographics;

namespace CertGrid.Domain.Analytics;

/// <summary>
/// A domain event program analytics counts. Each carries a stable id (the same event delivered twice is counted
/// once) and the time it happened, which decides the period it lands in.
/// </summary>
[GenerateSerializer, Alias("certgrid.analytics-event")]
public abstract record AnalyticsEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset At);

/// <summary>A learner submitted an attempt at a credential; attempt 1 is an application.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-attempt-submitted")]
public sealed record AttemptSubmitted(
    string EventId, DateTimeOffset At,
    [property: Id(0)] string CredentialId,
    [property: Id(1)] int AttemptNumber) : AnalyticsEvent(EventId, At);

/// <summary>One criterion's level: given by a reviewer, or decided for the attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-criterion-level")]
public sealed record CriterionLevel(
    [property: Id(0)] string CriterionId,
    [property: Id(1)] int Level,
    [property: Id(2)] int PassingLevel);

/// <summary>One review of a decided attempt.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-decided-review")]
public sealed record DecidedReview(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] string? EvaluatorOrganisation,
    [property: Id(2)] double Percent,
    [property: Id(3)] bool Passed,
    [property: Id(4)] IReadOnlyList<CriterionLevel> Levels);

/// <summary>
/// An attempt was decided, with what the fairness and reliability figures need: the learner's groups, the reviews
/// and the decided level per criterion. No names or emails: groups are ids the community defined. <c>Declared</c> holds
/// what the learner chose to declare, added only when the count is applied (never stored with the attempt).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-attempt-decided")]
public sealed record AttemptDecided(
    string EventId, DateTimeOffset At,
    [property: Id(0)] string CredentialId,
    [property: Id(1)] int AttemptNumber,
    [property: Id(2)] bool Passed,
    [property: Id(3)] double Percent,
    [property: Id(4)] DateTimeOffset SubmittedAt,
    [property: Id(5)] string? LearnerOrganisation,
    [property: Id(6)] string? Language,
    [property: Id(7)] string? Cohort,
    [property: Id(8)] IReadOnlyList<DecidedReview> Reviews,
    [property: Id(9)] IReadOnlyList<CriterionLevel> Decided,
    [property: Id(10)] IReadOnlyList<DeclaredValue>? Declared = null) : AnalyticsEvent(EventId, At);

/// <summary>An appeal against a decision was filed, or decided (overturned or upheld).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-appeal")]
public sealed record AppealRecorded(
    string EventId, DateTimeOffset At,
    [property: Id(0)] bool Decided,
    [property: Id(1)] bool Overturned) : AnalyticsEvent(EventId, At);

/// <summary>
/// A decided attempt's learner was erased: their decision moves from their organisation's fairness group to
/// <see cref="PeriodAnalytics.ErasedGroup"/>, so the organisation's name is not kept for them. <see cref="AnalyticsEvent.At"/>
/// is the decision's time, which names the period it was counted in.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-learner-organisation-erased")]
public sealed record LearnerOrganisationErased(
    string EventId, DateTimeOffset At,
    [property: Id(0)] string Organisation,
    [property: Id(1)] double Percent,
    [property: Id(2)] bool Passed) : AnalyticsEvent(EventId, At);

/// <summary>An evaluator let a review pass its deadline.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-review-overdue")]
public sealed record ReviewOverdue(
    string EventId, DateTimeOffset At,
    [property: Id(0)] string EvaluatorId) : AnalyticsEvent(EventId, At);

/// <summary>What happened to a credential's renewal.</summary>
public enum RenewalMilestone
{
    Due,
    Renewed,
    Lapsed,
}

/// <summary>A credential's renewal became due, was renewed, or lapsed.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-renewal")]
public sealed record RenewalRecorded(
    string EventId, DateTimeOffset At,
    [property: Id(0)] RenewalMilestone Milestone) : AnalyticsEvent(EventId, At);

/// <summary>Continuing-education credits were recorded in a category.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-ce-credits")]
public sealed record CeCreditsRecorded(
    string EventId, DateTimeOffset At,
    [property: Id(0)] string Category,
    [property: Id(1)] double Credits) : AnalyticsEvent(EventId, At);
