namespace CertGrid.Domain.Quality;

/// <summary>A range that holds the true value with the stated confidence, and how it was estimated.</summary>
/// <param name="Resamples">Bootstrap resamples that produced a value (a resample where the statistic is undefined is skipped).</param>
[GenerateSerializer, Immutable, Alias("certgrid.confidence-interval")]
public sealed record ConfidenceInterval(
    [property: Id(0)] double Lower,
    [property: Id(1)] double Upper,
    [property: Id(2)] double Confidence,
    [property: Id(3)] int Resamples);
