namespace CertGrid.Domain.Demographics;

/// <summary>An attribute's name in one language.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.demographic-label")]
public sealed record DemographicLabel(
    [property: Id(0)] string Language,
    [property: Id(1)] string Text);

/// <summary>
/// A demographic attribute a community asks learners to declare if they wish (for example "age-band" with the values
/// "under-30", "30-49", "50-plus"), used only in aggregated fairness breakdowns. Values are codes; the labels name
/// the attribute in each language the community shows it in.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.demographic-attribute")]
public sealed record DemographicAttributeDefinition(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyList<string> Values,
    [property: Id(2)] IReadOnlyList<DemographicLabel> Labels);

/// <summary>One value a learner declared for one attribute.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.declared-value")]
public sealed record DeclaredValue(
    [property: Id(0)] string Attribute,
    [property: Id(1)] string Value);
