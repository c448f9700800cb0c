namespace CertGrid.Domain.Assessments;

/// <summary>What the learner is told about one criterion once the attempt is decided: the level awarded and the panel's notes.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.criterion-feedback")]
public sealed record CriterionFeedback(
    [property: Id(0)] string CriterionCode,
    [property: Id(1)] string CriterionName,
    [property: Id(2)] string Level,
    [property: Id(3)] int Points,
    [property: Id(4)] int MaxPoints,
    [property: Id(5)] IReadOnlyList<string> Notes);

/// <summary>The learner's feedback on a decided attempt: per criterion, overall notes, and how the decision was reached.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.attempt-feedback")]
public sealed record AttemptFeedback(
    [property: Id(0)] IReadOnlyList<CriterionFeedback> Criteria,
    [property: Id(1)] IReadOnlyList<string> OverallNotes,
    [property: Id(2)] string Decision);
