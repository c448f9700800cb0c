using CertGrid.Abstractions.ContinuingEducation;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Domain.ContinuingEducation;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.ContinuingEducation;

/// <summary>
/// A review earns its evaluator's linked learner record the community's review credits (none without a linked record
/// or with no credits per review). The grant is keyed by attempt and evaluator, so it counts once however often posted.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.grant-review-credits")]
public sealed record GrantReviewCredits([property: Id(0)] string EvaluatorId, [property: Id(1)] string AttemptId, [property: Id(2)] DateTimeOffset ReviewedAt) : Effect
{
    public override string Receiver => $"ce-credits:{EvaluatorId}";

    public override async Task ApplyAsync(EffectContext context)
    {
        var evaluator = await context.Grains.GetGrain<IEvaluatorPoolGrain>(context.Community).GetAsync(EvaluatorId);
        var rules = await context.Grains.GetGrain<ICeRulesGrain>(context.Community).GetAsync();
        if (evaluator.LinkedLearnerId is { } learnerId && rules.CreditsPerReview > 0)
        {
            await context.Grains.CeLedger(context.Community, learnerId).PostAutomaticAsync(new AutomaticCredit(
                $"review:{AttemptId}:{EvaluatorId}", CeActivityKind.Evaluating, $"Reviewed attempt {AttemptId}", rules.CreditsPerReview,
                rules.ReviewCategory, DateOnly.FromDateTime(ReviewedAt.UtcDateTime)));
        }
    }
}
