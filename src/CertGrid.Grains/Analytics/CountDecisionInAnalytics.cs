using CertGrid.Abstractions.Analytics;
using CertGrid.Abstractions.Demographics;
using CertGrid.Abstractions.Evaluators;
using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Analytics;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Analytics;

/// <summary>
/// A decided attempt is counted in its community's program analytics, each review under its evaluator's organisation
/// (read from the pool when the effect is applied, so the attempt need not keep it), and under what the learner declared
/// (read from their declaration grain at that moment, so no declaration is ever stored with the attempt or its effects;
/// not read for a learner who, as the learner grain knows, declared nothing).
/// Idempotent by the event id.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.count-decision-in-analytics")]
public sealed record CountDecisionInAnalytics([property: Id(0)] AttemptDecided Decision, [property: Id(1)] string? LearnerId = null) : Effect
{
    public override string Receiver => "analytics";

    public override async Task ApplyAsync(EffectContext context)
    {
        var pool = context.Grains.GetGrain<IEvaluatorPoolGrain>(context.Community);
        var reviews = new List<DecidedReview>(Decision.Reviews.Count);
        foreach (var review in Decision.Reviews)
        {
            reviews.Add(review.EvaluatorOrganisation is null ? review with { EvaluatorOrganisation = (await pool.GetAsync(review.EvaluatorId)).Organisation } : review);
        }

        var declared = LearnerId is null ? null
            : await context.Grains.Learner(context.Community, LearnerId).MayHaveDeclaredAsync(LearnerDeclaration.Demographics)
                ? await context.Grains.DemographicDeclaration(context.Community, LearnerId).GetAsync()
                : [];
        await context.Services.GetRequiredService<AnalyticsRecorder>().RecordAsync(context.Community, Decision with { Reviews = reviews, Declared = declared });
    }
}
