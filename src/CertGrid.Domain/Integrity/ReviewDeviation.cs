namespace CertGrid.Domain.Integrity;

/// <summary>How one evaluator's review of a decided attempt compared with the rest of the panel.</summary>
/// <param name="Deviation">The evaluator's percentage minus the mean of the other panel members' percentages.</param>
/// <param name="DisagreedWithDecision">The evaluator passed a failed attempt, or failed a passed one.</param>
[GenerateSerializer, Immutable, Alias("certgrid.review-deviation")]
public sealed record ReviewDeviation(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] double Deviation,
    [property: Id(2)] bool DisagreedWithDecision);

/// <summary>An evaluator whose recent decisions diverge strongly from their panels, with the numbers that show it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.divergence-flag")]
public sealed record DivergenceFlag(
    [property: Id(0)] string EvaluatorId,
    [property: Id(1)] int Reviews,
    [property: Id(2)] double MeanAbsoluteDeviation,
    [property: Id(3)] double MeanDeviation,
    [property: Id(4)] double DisagreementRate,
    [property: Id(5)] string Reason);

/// <summary>When divergence is strong enough to flag: enough reviews, and a large mean gap or frequent disagreement with decisions.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.divergence-settings")]
public sealed record DivergenceSettings(
    [property: Id(0)] int MinReviews,
    [property: Id(1)] double MeanAbsoluteDeviationPoints,
    [property: Id(2)] double DisagreementRate,
    [property: Id(3)] int Window)
{
    public static DivergenceSettings Default { get; } = new(5, 20, 0.5, 50);
}
