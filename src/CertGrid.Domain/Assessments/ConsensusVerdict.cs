namespace CertGrid.Domain.Assessments;

/// <summary>The outcome of weighing reviews, the mean percentage, and a sentence that explains it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.consensus-verdict")]
public sealed record ConsensusVerdict(
    [property: Id(0)] ConsensusOutcome Outcome,
    [property: Id(1)] double MeanPercent,
    [property: Id(2)] string Reason);
