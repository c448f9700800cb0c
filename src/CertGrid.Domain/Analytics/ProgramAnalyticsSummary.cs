using CertGrid.Domain.Quality;

namespace CertGrid.Domain.Analytics;

/// <summary>A criterion's reliability over a window, keyed by credential and criterion.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-reliability")]
public sealed record CriterionReliability(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] ReliabilityMeasure Measure);

/// <summary>Two evaluators' agreement on one criterion of one credential over a window (pairs with at least 10 shared attempts).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-pair-agreement")]
public sealed record CriterionPairAgreement(
    [property: Id(0)] string CredentialId,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] RaterPairAgreement Agreement);

/// <summary>How often a cohort's decided level on a criterion was below its passing level (suppressed under the minimum group size).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.training-gap")]
public sealed record TrainingGap(
    [property: Id(0)] string Cohort,
    [property: Id(1)] string CriterionId,
    [property: Id(2)] int BelowPassing,
    [property: Id(3)] int Decided)
{
    public double Share => Decided == 0 ? 0 : BelowPassing / (double)Decided;
}

/// <summary>An evaluator's load over the window and their severity relative to their panels.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evaluator-load")]
public sealed record EvaluatorLoad(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] int Reviews,
    [property: Id(2)] int Overdue,
    [property: Id(3)] SeverityEstimate Severity);

/// <summary>A named count (renewal milestones, CE credits by category).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.analytics-count")]
public sealed record NamedFigure(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value);

/// <summary>
/// A community's program analytics over a window of periods: volumes and pass rates, time to certification, appeals,
/// renewals, CE credits, evaluator load and severity, fairness breakdowns, reliability per criterion and per evaluator
/// pair, and training gaps.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.program-analytics-summary")]
public sealed record ProgramAnalyticsSummary(
    [property: Id(0)] IReadOnlyList<string> Periods,
    [property: Id(1)] int Applications,
    [property: Id(2)] int AttemptsSubmitted,
    [property: Id(3)] GroupOutcome FirstAttempts,
    [property: Id(4)] GroupOutcome LaterAttempts,
    [property: Id(5)] double? MedianDaysToCertification,
    [property: Id(6)] int AppealsFiled,
    [property: Id(7)] int AppealsOverturned,
    [property: Id(8)] int AppealsUpheld,
    [property: Id(9)] IReadOnlyList<NamedFigure> Renewals,
    [property: Id(10)] IReadOnlyList<NamedFigure> CeCredits,
    [property: Id(11)] IReadOnlyList<EvaluatorLoad> Evaluators,
    [property: Id(12)] IReadOnlyList<FairnessBreakdown> Fairness,
    [property: Id(13)] IReadOnlyList<CriterionReliability> Reliability,
    [property: Id(14)] IReadOnlyList<TrainingGap> TrainingGaps,
    [property: Id(15)] int MinimumGroupSize,
    [property: Id(16)] IReadOnlyList<CriterionPairAgreement> EvaluatorPairs);
