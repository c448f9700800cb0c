using CertGrid.Abstractions.Recognition;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Recognition;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.Recognition;

/// <summary>Where other features report contributions to the contributor recognition.</summary>
internal static class Contributions
{
    /// <summary>
    /// Counts an evaluator's review (idempotent per attempt). Recognition must never fail an assessment, so a
    /// failure is logged and the review stands; the count then misses this review.
    /// </summary>
    public static async Task ReviewedAsync(IGrainFactory grains, string community, string evaluatorId, string attemptId, ILogger logger)
    {
        try
        {
            await grains.Contributor(community, PersonRef.Evaluator(evaluatorId))
                .RecordAsync(ContributionKind.Evaluating, attemptId, Actors.System);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Counting the review of attempt {Attempt} by evaluator {Evaluator} in {Community} failed", attemptId, evaluatorId, community);
        }
    }
}
