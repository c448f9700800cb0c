namespace CertGrid.Domain.Quality;

/// <summary>One decided assessment as a fairness breakdown sees it: the group it falls in, its score and the decision.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.assessed-outcome")]
public sealed record AssessedOutcome(
    [property: Id(0)] string Group,
    [property: Id(1)] double Percent,
    [property: Id(2)] bool Passed);
