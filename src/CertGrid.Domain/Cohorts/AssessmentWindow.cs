namespace CertGrid.Domain.Cohorts;

/// <summary>
/// A period in which a cohort's members may submit attempts, for some of the cohort's credentials (all of them
/// when <see cref="DefinitionIds"/> is empty).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.assessment-window")]
public sealed record AssessmentWindow(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset Opens,
    [property: Id(2)] DateTimeOffset Closes,
    [property: Id(3)] IReadOnlyList<string> DefinitionIds)
{
    public bool Covers(string definitionId) => DefinitionIds.Count == 0 || DefinitionIds.Contains(definitionId);

    public bool IsOpenAt(DateTimeOffset at) => Opens <= at && at < Closes;
}

/// <summary>A cohort as eligibility and progress rules see it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.cohort-facts")]
public sealed record CohortFacts(
    [property: Id(0)] string CohortId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateOnly StartsOn,
    [property: Id(3)] DateOnly EndsOn,
    [property: Id(4)] IReadOnlyList<string> DefinitionIds,
    [property: Id(5)] IReadOnlyList<AssessmentWindow> Windows)
{
    public DateTimeOffset Start => new(StartsOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The cohort runs until the end of its last day (UTC).</summary>
    public DateTimeOffset End => new(EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool IsRunningAt(DateTimeOffset at) => Start <= at && at < End;

    public bool Includes(string definitionId) => DefinitionIds.Contains(definitionId);
}
