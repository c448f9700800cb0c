using CertGrid.Abstractions.Assessments;
using CertGrid.Abstractions.Calibration;
using CertGrid.Domain.Assessments;
using CertGrid.Grains.Assessments;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Calibration;

/// <summary>
/// A decided attempt tells calibration how each reviewer's levels compared with the decided levels (drift), whether the
/// panel needed a consensus discussion, and who disagreed with the decision. Counted once per attempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.record-reviews-against-decision")]
public sealed record RecordReviewsAgainstDecision(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Discussed,
    [property: Id(3)] IReadOnlyList<ReviewAgainstDecision> Reviews) : Effect
{
    public override string Receiver => "calibration";

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<CalibrationRecorder>().RecordDecisionAsync(context.Community, new DecidedAttemptReviews(AttemptId, At, Discussed, Reviews));

    public static RecordReviewsAgainstDecision Of(string attemptId, AttemptState state)
    {
        var decided = (state.DecidedLevels ?? CriterionConsensus.Levels(state.Rubric, state.Reviews.Select(r => (IReadOnlyList<CriterionScore>)r.Scores).ToList()))
            .ToDictionary(l => l.CriterionCode, l => l.Level, StringComparer.Ordinal);
        var passed = state.Status == AttemptStatus.Passed;
        var reviews = state.Reviews.Select(r => new ReviewAgainstDecision(r.EvaluatorId,
            r.Scores.Where(s => decided.ContainsKey(s.CriterionCode))
                .Select(s => string.Equals(s.Level.Trim(), decided[s.CriterionCode], StringComparison.OrdinalIgnoreCase)).ToList(),
            r.Score.Passed != passed)).ToList();
        return new RecordReviewsAgainstDecision(attemptId, state.DecidedAt!.Value, state.LeadEvaluatorId is not null, reviews);
    }
}
