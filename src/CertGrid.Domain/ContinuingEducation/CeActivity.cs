namespace CertGrid.Domain.ContinuingEducation;

/// <summary>
/// One continuing-education activity in a learner's ledger. <see cref="Source"/> is set for credits CertGrid
/// grants itself (for example <c>review:{attemptId}:{evaluatorId}</c>) and makes granting them idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-activity")]
public sealed record CeActivity(
    [property: Id(0)] string Id,
    [property: Id(1)] CeActivityKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] decimal Credits,
    [property: Id(4)] string Category,
    [property: Id(5)] DateOnly OccurredOn,
    [property: Id(6)] string? EvidenceArtifactId,
    [property: Id(7)] string? EvidenceSha256,
    [property: Id(8)] CreditVerification Verification,
    [property: Id(9)] string? RejectionReason,
    [property: Id(10)] string? Source,
    [property: Id(11)] string RecordedBy,
    [property: Id(12)] DateTimeOffset RecordedAt,
    [property: Id(13)] string? ReviewedBy = null,
    [property: Id(14)] DateTimeOffset? ReviewedAt = null);
