namespace CertGrid.Domain.Practice;

/// <summary>How ready a learner looks on one criterion: their own level, a mentor's, and whether it is weak.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-readiness")]
public sealed record CriterionReadiness(
    [property: Id(0)] string CriterionCode,
    [property: Id(1)] string CriterionName,
    [property: Id(2)] string? SelfLevel,
    [property: Id(3)] string? MentorLevel,
    [property: Id(4)] double PercentOfMax,
    [property: Id(5)] bool Weak);

/// <summary>
/// A learner's readiness for a credential from their latest diagnostic self-assessment and practice review: each
/// criterion, which are weak, and the estimated score. It is advice only and never counts as an attempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.readiness-report")]
public sealed record ReadinessReport(
    [property: Id(0)] string DefinitionId,
    [property: Id(1)] double? SelfPercent,
    [property: Id(2)] double? MentorPercent,
    [property: Id(3)] int PassThresholdPercent,
    [property: Id(4)] IReadOnlyList<CriterionReadiness> Criteria,
    [property: Id(5)] IReadOnlyList<string> WeakCriteria,
    [property: Id(6)] bool Ready,
    [property: Id(7)] string Summary);
