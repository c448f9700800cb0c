namespace CertGrid.Domain.Resources;

/// <summary>A link or a file.</summary>
public enum ResourceKind
{
    /// <summary>A link to a page elsewhere.</summary>
    Link,
    /// <summary>A file uploaded to the library.</summary>
    File,
}

/// <summary>A stored file of a resource: its name, type, size and SHA-256, and where it lives in blob storage.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.resource-file")]
public sealed record ResourceFile(
    [property: Id(0)] string FileName,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long SizeBytes,
    [property: Id(3)] string Sha256,
    [property: Id(4)] string BlobName);

/// <summary>
/// A preparatory resource curated by a contributor: a link or a file, tagged with the competencies and
/// credentials it helps with, so learner progress can recommend it where a learner still has a gap.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.resource")]
public sealed record Resource(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] ResourceKind Kind,
    [property: Id(4)] string? Url,
    [property: Id(5)] ResourceFile? File,
    [property: Id(6)] IReadOnlyList<string> CompetencyCodes,
    [property: Id(7)] IReadOnlyList<string> DefinitionIds,
    [property: Id(8)] string CuratedBy,
    [property: Id(9)] DateTimeOffset CuratedAt,
    [property: Id(10)] bool Published,
    [property: Id(11)] IReadOnlyDictionary<string, string>? TitleTranslations = null,
    [property: Id(12)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null,
    [property: Id(13)] string? CurationConfirmedBy = null);

/// <summary>Which resources to recommend for a credential.</summary>
public static class ResourceRecommendation
{
    /// <summary>
    /// Published resources tagged with the credential or with a competency the learner has not yet demonstrated
    /// well enough, the ones matching most gaps first, then the newest.
    /// </summary>
    public static IReadOnlyList<Resource> For(IEnumerable<Resource> resources, string definitionId, IReadOnlyCollection<string> gaps, int max = 5)
    {
        var wanted = gaps.ToHashSet(StringComparer.Ordinal);
        return resources
            .Where(r => r.Published)
            .Select(r => (Resource: r, Score: r.CompetencyCodes.Count(wanted.Contains) * 2 + (r.DefinitionIds.Contains(definitionId) ? 1 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Resource.CuratedAt)
            .Take(max)
            .Select(x => x.Resource)
            .ToList();
    }
}
