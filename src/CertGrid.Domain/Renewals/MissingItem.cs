namespace CertGrid.Domain.Renewals;

/// <summary>
/// One thing that stands between a holder and renewing: a stable <see cref="Code"/> for clients, a sentence for a
/// person, and for credits the category and how many more are needed.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-missing-item")]
public sealed record MissingItem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Category = null,
    [property: Id(3)] decimal? Credits = null)
{
    public const string Closed = "CLOSED";
    public const string AlreadyRenewed = "ALREADY_RENEWED";
    public const string Lapsed = "LAPSED";
    public const string NoPolicy = "NO_POLICY";
    public const string WindowNotOpen = "WINDOW_NOT_OPEN";
    public const string CreditsShort = "CE_CREDITS";
    public const string CategoryShort = "CE_CATEGORY_CREDITS";
    public const string EvidenceMissing = "EVIDENCE_MISSING";
    public const string EvidenceInReview = "EVIDENCE_IN_REVIEW";
    public const string EvidenceRejected = "EVIDENCE_REJECTED";
}

/// <summary>Verified (and still unverified) credits of the cycle in one required category.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.renewal-category-progress")]
public sealed record CategoryProgress(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal Required,
    [property: Id(2)] decimal Verified,
    [property: Id(3)] decimal Pending);
