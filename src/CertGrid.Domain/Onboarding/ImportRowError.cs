namespace CertGrid.Domain.Onboarding;

/// <summary>
/// What is wrong with one row of an import file, said so a person can fix it: the line of the file (1 is the header of a
/// CSV file, or the first line of a JSON Lines file), the column, what is wrong and what is accepted instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.import-row-error")]
public sealed record ImportRowError(
    [property: Id(0)] long Line,
    [property: Id(1)] string Column,
    [property: Id(2)] string Problem,
    [property: Id(3)] string Accepted);
