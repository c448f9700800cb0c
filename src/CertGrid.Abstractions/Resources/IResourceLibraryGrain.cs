using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Resources;

namespace CertGrid.Abstractions.Resources;

/// <summary>A contributor's description of a resource: a link, or (without a URL) a file uploaded next.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.curate-resource")]
public sealed record CurateResource(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Url,
    [property: Id(3)] IReadOnlyList<string> CompetencyCodes,
    [property: Id(4)] IReadOnlyList<string> DefinitionIds,
    [property: Id(5)] IReadOnlyDictionary<string, string>? TitleTranslations = null,
    [property: Id(6)] IReadOnlyDictionary<string, string>? DescriptionTranslations = null,
    [property: Id(7)] string? FileName = null,
    [property: Id(8)] string? ContentType = null,
    [property: Id(9)] long? SizeBytes = null);

/// <summary>A curated resource and, for a file still to be uploaded, where to PUT it.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.curated-resource")]
public sealed record CuratedResource(
    [property: Id(0)] Resource Resource,
    [property: Id(1)] ArtifactUploadTicket? Upload);

/// <summary>
/// A community's library of preparatory resources curated by contributors: links and files (uploaded straight to
/// blob storage, then checked). Bounded (a few thousand), so one grain holds it. Key: the community id.
/// </summary>
public interface IResourceLibraryGrain : IGrainWithStringKey
{
    /// <summary>Adds a link (published at once) or a file resource (published once its upload is committed).</summary>
    Task<CuratedResource> CurateAsync(CurateResource command, string curator, string actor);

    /// <summary>Checks the uploaded file (size, type, SHA-256) and publishes the resource. Idempotent.</summary>
    Task<Resource> CommitFileAsync(string resourceId, string actor);

    /// <summary>
    /// An admin confirms a published resource a person curated: only then does it count toward the curator's badge
    /// (publishing alone counts nothing, so a run of junk links earns no badge). Idempotent.
    /// </summary>
    Task<Resource> ConfirmCurationAsync(string resourceId, string actor);

    /// <summary>Takes a resource off the library (it stays in the audit trail).</summary>
    Task<Resource> WithdrawAsync(string resourceId, string actor);

    [ReadOnly]
    Task<IReadOnlyList<Resource>> ListAsync();

    /// <summary>A short-lived URL to download a file resource.</summary>
    [ReadOnly]
    Task<Uri> DownloadUrlAsync(string resourceId);
}
