namespace CertGrid.Abstractions.Integrity;

/// <summary>Who asks to read evidence.</summary>
public enum EvidenceViewerKind
{
    Admin,
    Learner,
    Evaluator,
}

/// <summary>A short-lived, read-only URL for one evidence file.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.evidence-download")]
public sealed record EvidenceDownload(
    [property: Id(0)] Uri Url,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] string ContentType,
    [property: Id(3)] string Sha256,
    [property: Id(4)] bool Anonymised);

/// <summary>
/// Hands out read URLs for the evidence of an attempt or appeal to those who may see it: admins, the learner, and the
/// evaluators on its panel. Under blind review an evaluator's URL points at an anonymised copy whose name carries no
/// learner id. Stateless, on every silo. Key: the community id.
/// </summary>
public interface IEvidenceAccessGrain : IGrainWithStringKey
{
    /// <summary>FORBIDDEN for anyone else; NOT_FOUND for an artifact the attempt or appeal does not cite.</summary>
    Task<EvidenceDownload> CreateDownloadAsync(string subjectId, string artifactId, EvidenceViewerKind viewer, string? viewerId);
}
