using CertGrid.Domain.Quality;

namespace CertGrid.Abstractions.Analytics;

/// <summary>A board decision about one flag of the quality report, before the grain stamps who and when.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.quality-flag-decision")]
public sealed record QualityFlagDecision(
    [property: Id(0)] string FlagKey,
    [property: Id(1)] QualityFlagOutcome Outcome,
    [property: Id(2)] string Note,
    [property: Id(3)] string FromMonth,
    [property: Id(4)] string UntilMonth);

/// <summary>
/// The community review board's record of what it did about quality-report flags: the latest resolution per flag key
/// (<see cref="QualityFlagKey"/>), each one persisted and audited (<c>quality.flag-resolved</c>) before the call returns.
/// Key: the community id.
/// </summary>
public interface IQualityBoardGrain : IGrainWithStringKey
{
    /// <summary>
    /// The most flags whose latest resolution the grain keeps; recording another drops the oldest one (the audit chain
    /// still holds it), so the state stays small however long a community runs.
    /// </summary>
    const int MaximumKept = 300;

    /// <summary>
    /// Records the board's decision about a flag the caller has checked is in the report for the decision's window.
    /// The same decision again changes nothing and returns the first record (a retry is safe).
    /// </summary>
    Task<QualityFlagResolution> ResolveAsync(QualityFlagDecision decision, string actor);

    /// <summary>The latest resolution of every flag the board has resolved, by flag key.</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<string, QualityFlagResolution>> LatestAsync();
}
