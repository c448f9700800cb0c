namespace CertGrid.Domain.Programs;

/// <summary>
/// An artifact that illustrates a rubric level: a link, or a file in the community's resource library. Exemplars
/// show learners and evaluators what work at that level looks like.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.exemplar")]
public sealed record Exemplar(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Url,
    [property: Id(2)] string? ResourceId,
    [property: Id(3)] string? Description);

/// <summary>One level of a rubric criterion: what an evaluator picks, worth <see cref="Points"/>.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.rubric-level")]
public sealed record RubricLevel(
    [property: Id(0)] string Name,
    [property: Id(1)] int Points,
    [property: Id(2)] string? Descriptor,
    [property: Id(3)] IReadOnlyList<Exemplar>? Exemplars = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(5)] IReadOnlyDictionary<string, string>? DescriptorTranslations = null);

/// <summary>A criterion the evidence is scored on, aligned to competencies of the framework.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.rubric-criterion")]
public sealed record RubricCriterion(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<string> CompetencyCodes,
    [property: Id(4)] IReadOnlyList<RubricLevel> Levels,
    [property: Id(5)] int Weight = 1,
    [property: Id(6)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(7)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null)
{
    public int MaxPoints => Levels.Max(l => l.Points);
}

/// <summary>
/// How evidence for a credential is scored: criteria with levels and a pass threshold, expressed as the
/// weighted percentage of the maximum points a review must reach.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.rubric")]
public sealed record Rubric(
    [property: Id(0)] IReadOnlyList<RubricCriterion> Criteria,
    [property: Id(1)] int PassThresholdPercent);
