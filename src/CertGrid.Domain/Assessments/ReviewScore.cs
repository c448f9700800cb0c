namespace CertGrid.Domain.Assessments;

/// <summary>The result of scoring one review against the rubric.</summary>
/// <param name="Percent">Weighted percentage of the maximum points, 0–100, rounded to two decimals.</param>
[GenerateSerializer, Immutable, Alias("certgrid.review-score")]
public sealed record ReviewScore(
    [property: Id(0)] double Percent,
    [property: Id(1)] bool Passed,
    [property: Id(2)] IReadOnlyDictionary<string, int> PointsByCriterion);
