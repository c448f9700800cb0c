namespace CertGrid.Domain.Learners;

/// <summary>One committed version of a portfolio artifact, as verified by the server.</summary>
/// <param name="Sha256">Hex SHA-256 of the bytes, computed by CertGrid from the stored blob.</param>
[GenerateSerializer, Immutable, Alias("certgrid.artifact-version")]
public sealed record ArtifactVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long SizeBytes,
    [property: Id(4)] string Sha256,
    [property: Id(5)] DateTimeOffset CommittedAt,
    [property: Id(6)] string BlobName);
