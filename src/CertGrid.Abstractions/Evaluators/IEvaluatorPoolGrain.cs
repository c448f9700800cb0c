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
    /// Makes sure the attempt's panel has <paramref name="panelSize"/> independent evaluators and returns the
    /// evaluators added by this call with the reason for each. Idempotent: evaluators already on the panel
    /// stay. POLICY_VIOLATION when the pool has too few independent evaluators with capacity.
    /// </summary>
    Task<IReadOnlyList<EvaluatorAssignment>> EnsurePanelAsync(string attemptId, AssessedParty learner, int panelSize);

    /// <summary>Frees the panel's capacity once the attempt is decided. Idempotent.</summary>
    Task ReleasePanelAsync(string attemptId);
}
