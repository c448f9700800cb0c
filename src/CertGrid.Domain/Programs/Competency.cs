namespace CertGrid.Domain.Programs;

/// <summary>A skill in a competency framework, with the outcomes an evaluator can observe.</summary>
/// <param name="Code">Short code unique in its framework, for example <c>SEC-2</c>.</param>
[GenerateSerializer, Immutable, Alias("certgrid.competency")]
public sealed record Competency(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<string> Outcomes);
