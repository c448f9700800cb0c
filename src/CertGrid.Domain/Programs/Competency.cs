namespace CertGrid.Domain.Programs;

/// <summary>
/// A skill in a competency framework: the observable behaviours that show it and the measurable outcomes an
/// evaluator can check, optionally grouped under a domain. Names and descriptions have translations.
/// </summary>
/// <param name="Code">Short code unique in its framework, for example <c>SEC-2</c>.</param>
/// <param name="Outcomes">Measurable outcomes (at least one).</param>
/// <param name="Behaviours">Observable behaviours (optional).</param>
/// <param name="DomainCode">The domain of the framework this competency belongs to, if the framework has domains.</param>
[GenerateSerializer, Immutable, Alias("certgrid.competency")]
public sealed record Competency(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<string> Outcomes,
    [property: Id(4)] IReadOnlyList<string>? Behaviours = null,
    [property: Id(5)] string? DomainCode = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(7)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null);
