using CertGrid.Domain.Cohorts;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Cohorts;

[GenerateSerializer, Alias("certgrid.state.cohort")]
public sealed class CohortState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public DateOnly StartsOn { get; set; }
    [Id(2)] public DateOnly EndsOn { get; set; }
    [Id(3)] public List<string> DefinitionIds { get; set; } = [];
    [Id(4)] public List<string> MemberIds { get; set; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public List<AssessmentWindow> Windows { get; set; } = [];

    /// <summary>Mentors of the cohort as person references (<c>learner:…</c>, <c>evaluator:…</c>).</summary>
    [Id(7)] public List<string> Mentors { get; set; } = [];
}
