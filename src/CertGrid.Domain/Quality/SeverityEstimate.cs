namespace CertGrid.Domain.Quality;

/// <summary>
/// How an evaluator's scores compare with the rest of their panels: the mean of (their percentage − the mean of the
/// other panel members' percentages) over the attempts they shared, with a Student-t confidence interval.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.severity-estimate")]
public sealed record SeverityEstimate(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] int Reviews,
    [property: Id(2)] double MeanDeviation,
    [property: Id(3)] ConfidenceInterval? Interval,
    [property: Id(4)] SeverityVerdict Verdict);

/// <summary>
/// When a difference from the panels counts as severity or leniency: enough shared reviews, a confidence interval
/// that excludes zero at the given confidence, and a mean gap of at least <paramref name="MinimumPoints"/> percentage
/// points (so a tiny but consistent difference is not called bias).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.severity-settings")]
public sealed record SeveritySettings(
    [property: Id(0)] int MinimumReviews,
    [property: Id(1)] double Confidence,
    [property: Id(2)] double MinimumPoints)
{
    public static SeveritySettings Default { get; } = new(10, 0.99, 5);
}
