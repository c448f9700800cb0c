namespace CertGrid.Abstractions.Privacy;

/// <summary>
/// Corrections to a learner's personal data (right to rectification): a null field stays as it is; an empty
/// organisation removes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.rectify-learner")]
public sealed record RectifyLearner(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Organisation);
