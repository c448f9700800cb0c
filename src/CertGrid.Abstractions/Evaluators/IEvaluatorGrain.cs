using CertGrid.Domain.Evaluators;

namespace CertGrid.Abstractions.Evaluators;

/// <summary>
/// One evaluator of a community: their profile and what is counted against them, each change audited. Its state does
/// not grow with the pool or the community. Only the community's <see cref="IEvaluatorPoolGrain"/> calls it: the pool
/// checks the input, keeps the roster every panel is chosen from, and tracks the panels (so profiles returned here list
/// no attempts). Key: <c>{community}/{evaluatorId}</c>.
/// </summary>
public interface IEvaluatorGrain : IGrainWithStringKey
{
    /// <summary>Registers the evaluator from a checked command; CONFLICT when already registered.</summary>
    Task<EvaluatorProfile> RegisterAsync(RegisterEvaluator command, string actor);

    /// <summary>Applies a checked change (every field given).</summary>
    Task<EvaluatorProfile> UpdateAsync(UpdateEvaluator command, string actor);

    Task<EvaluatorProfile> SetActiveAsync(bool active, string? reason, string actor);

    Task<EvaluatorProfile> SetAvailabilityAsync(DateTimeOffset? unavailableUntil, string actor);

    /// <summary>Counts a missed deadline or a recusal against the evaluator, once per panel.</summary>
    Task<EvaluatorProfile> CountSeatReleaseAsync(string panelId, SeatRelease why);

    /// <summary>Takes over a profile the pool kept before evaluators had grains of their own (no audit: it was audited then). Idempotent.</summary>
    Task<EvaluatorProfile> ImportAsync(EvaluatorProfile profile);

    /// <summary>The evaluator, or null when never registered.</summary>
    [ReadOnly]
    Task<EvaluatorProfile?> FindAsync();
}
