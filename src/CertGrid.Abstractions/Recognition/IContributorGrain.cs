using CertGrid.Domain.Recognition;

namespace CertGrid.Abstractions.Recognition;

/// <summary>A badge a contributor was awarded (or is owed, when they have no learner record to hold it).</summary>
[GenerateSerializer, Immutable, Alias("certgrid.awarded-badge")]
public sealed record AwardedBadge(
    [property: Id(0)] ContributionKind Kind,
    [property: Id(1)] string DefinitionId,
    [property: Id(2)] string? CredentialId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Note);

/// <summary>A contributor's counted contributions and badges.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.contributor-info")]
public sealed record ContributorInfo(
    [property: Id(0)] string Person,
    [property: Id(1)] IReadOnlyDictionary<ContributionKind, int> Counts,
    [property: Id(2)] IReadOnlyList<AwardedBadge> Badges);

/// <summary>
/// One contributor (a learner or evaluator) and what they gave the community: mentoring, reviews, curated
/// resources. When a count reaches the community's threshold the badge is issued as a micro-credential, once.
/// Key: <c>{community}/{personRef}</c>.
/// </summary>
public interface IContributorGrain : IGrainWithStringKey
{
    /// <summary>Counts a contribution (idempotent per contribution id) and awards any badge now due.</summary>
    Task<ContributorInfo> RecordAsync(ContributionKind kind, string contributionId, string actor);

    [ReadOnly]
    Task<ContributorInfo> GetAsync();
}
