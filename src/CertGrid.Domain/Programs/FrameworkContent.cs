namespace CertGrid.Domain.Programs;

/// <summary>What one version of a competency framework says: its domains, competencies and proficiency scale.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.framework-content")]
public sealed record FrameworkContent(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<CompetencyDomain> Domains,
    [property: Id(3)] IReadOnlyList<Competency> Competencies,
    [property: Id(4)] IReadOnlyList<ProficiencyLevel> Levels,
    [property: Id(5)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null)
{
    public IReadOnlySet<string> CompetencyCodes => Competencies.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
}
