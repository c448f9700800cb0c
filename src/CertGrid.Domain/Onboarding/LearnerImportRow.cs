namespace CertGrid.Domain.Onboarding;

/// <summary>One learner of a roster file, checked: the line it came from, their name, (lower-case) email and organisation.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.learner-import-row")]
public sealed record LearnerImportRow(
    [property: Id(0)] long Line,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Organisation);
