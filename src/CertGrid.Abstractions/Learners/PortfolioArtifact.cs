using CertGrid.Domain.Learners;

namespace CertGrid.Abstractions.Learners;

/// <summary>A learner's request to upload a file, or a new version of an existing artifact.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.request-artifact-upload")]
public sealed record RequestArtifactUpload(
    [property: Id(0)] string? ArtifactId,
    [property: Id(1)] string Title,
    [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes);

/// <summary>
/// Where to PUT the file: a short-lived, write-only URL for exactly one blob, and the headers the PUT must
/// carry. The upload counts only after it is committed.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.artifact-upload-ticket")]
public sealed record ArtifactUploadTicket(
    [property: Id(0)] string ArtifactId,
    [property: Id(1)] int Version,
    [property: Id(2)] Uri UploadUrl,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] IReadOnlyDictionary<string, string> RequiredHeaders);

/// <summary>An upload that was requested and not yet committed.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.pending-upload")]
public sealed record PendingUpload(
    [property: Id(0)] int Version,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long DeclaredSizeBytes,
    [property: Id(4)] string BlobName,
    [property: Id(5)] DateTimeOffset ExpiresAt);

/// <summary>A portfolio artifact with every committed version, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.portfolio-artifact")]
public sealed record PortfolioArtifact(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<ArtifactVersion> Versions,
    [property: Id(3)] PendingUpload? Pending,
    [property: Id(4)] bool Public = false)
{
    public ArtifactVersion? Latest => Versions.Count == 0 ? null : Versions[^1];
}

/// <summary>An artifact version cited as evidence by an attempt: frozen at submission, identified by its hash.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evidence-ref")]
public sealed record EvidenceRef(
    [property: Id(0)] string ArtifactId,
    [property: Id(1)] string Title,
    [property: Id(2)] ArtifactVersion Version);
