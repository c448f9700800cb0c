namespace CertGrid.Domain.Assessments;

/// <summary>An evaluator's judgement on one rubric criterion: the level picked and why.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-score")]
public sealed record CriterionScore(
    [property: Id(0)] string CriterionCode,
    [property: Id(1)] string Level,
    [property: Id(2)] string? Note);
