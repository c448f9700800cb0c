using CertGrid.Domain.Integrity;

namespace CertGrid.Abstractions.Integrity;

/// <summary>
/// One evaluator's divergence signal: their most recent deviations from their panels (at most the rule's window) and
/// whether the divergence rule flags them. A flag is audited when raised and when cleared, and listed in the
/// community's divergence read model. Key: <c>{community}/{evaluatorId}</c>.
/// </summary>
public interface IEvaluatorSignalsGrain : IGrainWithStringKey
{
    /// <summary>Records how the evaluator deviated on one decided attempt. Idempotent per attempt.</summary>
    Task RecordAsync(ReviewDeviation deviation);

    /// <summary>Takes over deviations recorded before signals were kept per evaluator (merged by attempt, flag kept without a new audit event). Idempotent.</summary>
    Task ImportAsync(IReadOnlyList<ReviewDeviation> recent, bool flagged);

    /// <summary>The evaluator's flag, or null when the rule does not flag them.</summary>
    [ReadOnly]
    Task<DivergenceFlag?> GetFlagAsync();
}
