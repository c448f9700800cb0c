namespace CertGrid.Domain.Quality;

/// <summary>How many members of one group (an organisation, a language, a cohort …) were assessed and how many passed.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.group-outcome")]
public sealed record GroupOutcome(
    [property: Id(0)] string Group,
    [property: Id(1)] int Passed,
    [property: Id(2)] int Total)
{
    public double PassRate => Total == 0 ? 0 : Passed / (double)Total;
}
