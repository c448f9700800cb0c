namespace CertGrid.Domain.Programs;

/// <summary>
/// A step on a framework's proficiency scale, from novice (rank 1) to expert (the highest rank). Every
/// competency of the framework is described on the same scale.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.proficiency-level")]
public sealed record ProficiencyLevel(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyDictionary<string, string>? NameTranslations = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null)
{
    /// <summary>The Dreyfus scale, used when a framework does not define its own.</summary>
    public static IReadOnlyList<ProficiencyLevel> Default { get; } =
    [
        new(1, "Novice", "Follows rules and checklists; needs guidance."),
        new(2, "Advanced beginner", "Recognises situations from experience; needs support on the unusual."),
        new(3, "Competent", "Plans deliberately and takes responsibility for outcomes."),
        new(4, "Proficient", "Sees the whole situation and adapts to it."),
        new(5, "Expert", "Acts intuitively from deep experience and teaches others."),
    ];
}
