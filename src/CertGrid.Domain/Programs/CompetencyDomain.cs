namespace CertGrid.Domain.Programs;

/// <summary>A group of related competencies in a framework (for example "Observability").</summary>
[GenerateSerializer, Immutable, Alias("certgrid.competency-domain")]
public sealed record CompetencyDomain(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null);
