namespace CertGrid.Domain.Renewals;

/// <summary>
/// How long a credential lives and how it is kept: the renewal window opens <see cref="RenewalWindowDays"/>
/// before expiry; renewing needs the continuing-education requirement met and, if set, renewal evidence accepted;
/// after expiry the credential is suspended for <see cref="GraceDays"/> (still renewable), then stays renewable for
/// <see cref="LapseAfterDays"/> more days, and then lapses: it is revoked or left permanently expired, and only a
/// full re-certification brings it back. The validity period itself is the definition's <c>ValidityDays</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.lifespan-policy")]
public sealed record LifespanPolicy(
    [property: Id(0)] int RenewalWindowDays,
    [property: Id(1)] CeRequirement ContinuingEducation,
    [property: Id(2)] RenewalEvidence Evidence,
    [property: Id(3)] int GraceDays,
    [property: Id(4)] int LapseAfterDays,
    [property: Id(5)] LapseAction LapseAction);

/// <summary>Continuing-education credits needed per cycle, with minimums per category (for example 5 in ethics).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-requirement")]
public sealed record CeRequirement(
    [property: Id(0)] decimal CreditsPerCycle,
    [property: Id(1)] IReadOnlyList<CategoryMinimum> CategoryMinimums)
{
    public static CeRequirement None { get; } = new(0m, []);
}

/// <summary>At least <see cref="Credits"/> of the cycle's credits must be in <see cref="Category"/>.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.ce-category-minimum")]
public sealed record CategoryMinimum(
    [property: Id(0)] string Category,
    [property: Id(1)] decimal Credits);

/// <summary>What a renewal needs besides credits.</summary>
public enum RenewalEvidence
{
    /// <summary>Credits only.</summary>
    None,

    /// <summary>A portfolio artifact the learner offers, accepted by an admin.</summary>
    PortfolioArtifact,

    /// <summary>A passed attempt at the same credential, submitted once the renewal window is open (the normal assessment flow).</summary>
    Reassessment,
}

/// <summary>What happens to a credential when it lapses.</summary>
public enum LapseAction
{
    /// <summary>It stays in the record as expired (the grace suspension is lifted; verifiers see it expired).</summary>
    Expire,

    /// <summary>It is revoked for good.</summary>
    Revoke,
}
