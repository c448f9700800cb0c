using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Domain.Relationships;

namespace CertGrid.Grains.ContinuingEducation;

/// <summary>
/// Grants the continuing-education credits a community's rules give for serving in CertGrid: a review earns its
/// evaluator's linked learner record the review credits; declaring a mentorship earns the mentor the mentoring
/// credits. Each grant is keyed by what earned it, so it counts once however often it is posted. Called after the
/// review or relationship is stored; a failure is logged and never undoes that.
/// </summary>
public static class ServiceCredits
{
    public static async Task ForReviewAsync(IGrainFactory grains, ILogger logger, string community, string attemptId, string evaluatorId, DateTimeOffset at)
    {
        try
        {
            var evaluator = await grains.GetGrain<IEvaluatorPoolGrain>(community).GetAsync(evaluatorId);
            var rules = await grains.GetGrain<ICeRulesGrain>(community).GetAsync();
            if (evaluator.LinkedLearnerId is { } learnerId && rules.CreditsPerReview > 0)
            {
                await grains.CeLedger(community, learnerId).PostAutomaticAsync(new AutomaticCredit(
                    $"review:{attemptId}:{evaluatorId}", CeActivityKind.Evaluating, $"Reviewed attempt {attemptId}", rules.CreditsPerReview,
                    rules.ReviewCategory, DateOnly.FromDateTime(at.UtcDateTime)));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Granting review credits to evaluator {Evaluator} for attempt {Attempt} in {Community} failed", evaluatorId, attemptId, community);
        }
    }

    /// <summary>Credits the mentor (<see cref="Relationship.From"/> of a <see cref="RelationshipKind.Mentor"/> relationship) when they have a learner record.</summary>
    public static async Task ForMentorshipAsync(IGrainFactory grains, ILogger logger, string community, Relationship relationship)
    {
        try
        {
            if (relationship.Kind != RelationshipKind.Mentor)
            {
                return;
            }

            var learnerId = relationship.From.Split(':', 2) switch
            {
                ["learner", var id] => id,
                ["evaluator", var id] => (await grains.GetGrain<IEvaluatorPoolGrain>(community).GetAsync(id)).LinkedLearnerId,
                _ => null,
            };
            var rules = await grains.GetGrain<ICeRulesGrain>(community).GetAsync();
            if (learnerId is not null && rules.CreditsPerMentorship > 0)
            {
                await grains.CeLedger(community, learnerId).PostAutomaticAsync(new AutomaticCredit(
                    $"mentorship:{relationship.From}:{relationship.To}:{relationship.Since.UtcTicks}", CeActivityKind.Mentoring, $"Mentoring {relationship.To}",
                    rules.CreditsPerMentorship, rules.MentoringCategory, DateOnly.FromDateTime(relationship.Since.UtcDateTime)));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Granting mentoring credits for {From} -> {To} in {Community} failed", relationship.From, relationship.To, community);
        }
    }
}
