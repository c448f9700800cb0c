namespace CertGrid.Domain.Evaluators;

/// <summary>The learner whose evidence is reviewed, as conflict-of-interest rules see them.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.assessed-party")]
public sealed record AssessedParty(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Organisation);
