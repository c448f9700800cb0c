using CertGrid.Domain.Evaluators;

namespace CertGrid.Abstractions.Evaluators;

/// <summary>
/// A community's pool of evaluators and who is assigned to which attempt. Assignment happens here, in one
/// place, so two attempts never overload the same evaluator. Key: the community id.
/// </summary>
public interface IEvaluatorPoolGrain : IGrainWithStringKey
{
    Task<EvaluatorProfile> RegisterAsync(string evaluatorId, RegisterEvaluator command, string actor);

    /// <summary>The evaluator, or NOT_FOUND.</summary>
    [ReadOnly]
    Task<EvaluatorProfile> GetAsync(string evaluatorId);

    [ReadOnly]
    Task<IReadOnlyList<EvaluatorProfile>> ListAsync();

    /// <summary>
    /// Makes sure the attempt's panel has <paramref name="panelSize"/> evaluators under the identity rules only (no
    /// organisation, relationship, cohort, expertise or language rules) and returns those added. Kept for callers of
    /// the foundation API; attempts use <see cref="AssignPanelAsync"/>.
    /// </summary>
    Task<IReadOnlyList<EvaluatorAssignment>> EnsurePanelAsync(string attemptId, AssessedParty learner, int panelSize);

    /// <summary>
    /// Staffs the panel up to its size with eligible, independent evaluators (every conflict-of-interest rule, expertise,
    /// language, availability, capacity), balancing load and preferring organisations new to the panel. Idempotent:
    /// members stay. Unless partial staffing is allowed, POLICY_VIOLATION when too few qualify, saying who was passed
    /// over and why.
    /// </summary>
    Task<PanelStaffing> AssignPanelAsync(PanelRequest request);

    /// <summary>
    /// Takes an evaluator off a panel (a recusal or a missed deadline, counted against them once) and refills the seat
    /// as far as the pool allows. Idempotent for an evaluator already off the panel.
    /// </summary>
    Task<PanelStaffing> ReleaseSeatAsync(string evaluatorId, SeatRelease why, PanelRequest refill);

    /// <summary>Changes an evaluator's organisation, expertise, languages or capacity (admin).</summary>
    Task<EvaluatorProfile> UpdateAsync(string evaluatorId, UpdateEvaluator command, string actor);

    /// <summary>Activates or deactivates an evaluator (admin); an inactive evaluator is never assigned. Existing seats stay.</summary>
    Task<EvaluatorProfile> SetActiveAsync(string evaluatorId, bool active, string? reason, string actor);

    /// <summary>Marks the evaluator unavailable until a time (null: available now).</summary>
    Task<EvaluatorProfile> SetAvailabilityAsync(string evaluatorId, DateTimeOffset? unavailableUntil, string actor);

    /// <summary>
    /// Frees the capacity of panels whose attempts or appeals are decided, in one storage request for up to 100 of them
    /// (the panels a silo's decisions release while one such call is in flight: <c>PanelReleases</c>). Idempotent: a
    /// released or unknown panel changes nothing.
    /// </summary>
    Task ReleasePanelsAsync(IReadOnlyList<string> panelIds);
}
