using CertGrid.Abstractions.Integrity;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// The evaluator-divergence read model of a community: bounded by evaluators × window, so one grain holds it. Decided
/// attempts feed it; the divergence rule flags evaluators, and an evaluator newly flagged (or cleared) is audited.
/// </summary>
public sealed class IntegritySignalsGrain(
    [PersistentState("signals", StorageNames.GrainStore)] IPersistentState<IntegritySignalsState> state)
    : DurableGrain<IntegritySignalsState>(state), IIntegritySignalsGrain
{
    private static readonly DivergenceSettings Settings = DivergenceSettings.Default;

    protected override string Community => this.GetPrimaryKeyString();

    public async Task RecordPanelDecisionAsync(string attemptId, bool passed, IReadOnlyList<PanelReviewOutcome> reviews)
    {
        var deviations = DivergenceRule.Deviations(attemptId, reviews.Select(r => (r.EvaluatorId, r.Percent, r.Passed)).ToList(), passed);
        var fresh = deviations.Where(d => !(State.Recent.GetValueOrDefault(d.EvaluatorId)?.Any(x => x.AttemptId == attemptId) ?? false)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        foreach (var (evaluatorId, deviation) in fresh)
        {
            var recent = State.Recent.TryGetValue(evaluatorId, out var list) ? list : State.Recent[evaluatorId] = [];
            recent.Add(deviation);
            if (recent.Count > Settings.Window)
            {
                recent.RemoveRange(0, recent.Count - Settings.Window);
            }
        }

        var events = new List<AuditEvent>();
        foreach (var (evaluatorId, _) in fresh)
        {
            var flag = DivergenceRule.Assess(evaluatorId, State.Recent[evaluatorId], Settings);
            var wasFlagged = State.Flagged.Contains(evaluatorId);
            if (flag is not null && !wasFlagged)
            {
                State.Flagged.Add(evaluatorId);
                events.Add(AuditEvent(Actors.System, "integrity.evaluator-divergent", evaluatorId, flag));
            }
            else if (flag is null && wasFlagged)
            {
                State.Flagged.Remove(evaluatorId);
                events.Add(AuditEvent(Actors.System, "integrity.evaluator-calibrated", evaluatorId, new { reviews = State.Recent[evaluatorId].Count }));
            }
        }

        await SaveAsync([.. events]);
    }

    public Task<IReadOnlyList<DivergenceFlag>> DivergentEvaluatorsAsync() => Task.FromResult<IReadOnlyList<DivergenceFlag>>(State.Recent
        .Select(r => DivergenceRule.Assess(r.Key, r.Value, Settings))
        .OfType<DivergenceFlag>()
        .OrderByDescending(f => f.MeanAbsoluteDeviation)
        .ToList());
}
