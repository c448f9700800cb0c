namespace CertGrid.Domain.Quality;

/// <summary>
/// Krippendorff's alpha over a set of rated units, with the counts that say how much data it rests on.
/// </summary>
/// <param name="Alpha">1 − observed / expected disagreement: 1 is perfect agreement, 0 is agreement by chance, below 0 is systematic disagreement.</param>
/// <param name="ObservedDisagreement">D<sub>o</sub>, the mean difference between values paired within units.</param>
/// <param name="ExpectedDisagreement">D<sub>e</sub>, the mean difference between any two values regardless of unit.</param>
/// <param name="Units">Units with at least two values (the only ones that can be paired).</param>
/// <param name="PairableValues">n, the number of values in those units.</param>
[GenerateSerializer, Immutable, Alias("certgrid.reliability-result")]
public sealed record ReliabilityResult(
    [property: Id(0)] double Alpha,
    [property: Id(1)] double ObservedDisagreement,
    [property: Id(2)] double ExpectedDisagreement,
    [property: Id(3)] int Units,
    [property: Id(4)] int PairableValues);
