using CertGrid.Abstractions.Integrity;
using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// The community's door to evaluator divergence. A decided attempt's deviations go to each reviewer's own
/// <see cref="EvaluatorSignalsGrain"/> (bounded by the rule's window), so nothing here grows with the pool; the flagged
/// evaluators are read from the divergence read model. Its own state only holds what communities recorded before
/// signals were kept per evaluator, handed over to the evaluators on activation and then left empty.
/// </summary>
[Reentrant]
public sealed class IntegritySignalsGrain(
    [PersistentState("signals", StorageNames.GrainStore)] IPersistentState<IntegritySignalsState> state,
    StorageClients storage)
    : DurableGrain<IntegritySignalsState>(state), IIntegritySignalsGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Recent.Count > 0)
        {
            await Task.WhenAll(State.Recent.Select(r => Evaluator(r.Key).ImportAsync(r.Value, State.Flagged.Contains(r.Key))));
            State.Recent.Clear();
            State.Flagged.Clear();
            await SaveAsync();
        }
    }

    public async Task RecordPanelDecisionAsync(string attemptId, bool passed, IReadOnlyList<PanelReviewOutcome> reviews)
    {
        var deviations = DivergenceRule.Deviations(attemptId, reviews.Select(r => (r.EvaluatorId, r.Percent, r.Passed)).ToList(), passed);
        await Task.WhenAll(deviations.Select(d => Evaluator(d.EvaluatorId).RecordAsync(d.Deviation)));
    }

    public async Task<IReadOnlyList<DivergenceFlag>> DivergentEvaluatorsAsync()
    {
        var flags = new List<DivergenceFlag>();
        await foreach (var row in storage.ReadModel(storage.Names.AssessmentsTable).ScanAsync<DivergenceRow>(Community, DivergenceRow.Prefix))
        {
            flags.Add(row.ToFlag());
        }

        return flags.OrderByDescending(f => f.MeanAbsoluteDeviation).ToList();
    }

    private IEvaluatorSignalsGrain Evaluator(string evaluatorId) =>
        GrainFactory.EvaluatorSignals(Community, evaluatorId);
}
