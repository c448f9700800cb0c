using CertGrid.Abstractions.Integrity;
using CertGrid.Domain.Audit;
using CertGrid.Domain.Integrity;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Integrity;

/// <summary>
/// One evaluator's divergence signal. Its state is bounded by the rule's window (50 deviations, about 2 KB), so a
/// decision writes the same few bytes however large the pool or the community grows; a raised or cleared flag is
/// audited and mirrored in the community's divergence read model (<see cref="DivergenceRow"/>).
/// </summary>
public sealed class EvaluatorSignalsGrain(
    [PersistentState("evaluator-signals", StorageNames.GrainStore)] IPersistentState<EvaluatorSignalsState> state,
    StorageClients storage)
    : DurableGrain<EvaluatorSignalsState>(state), IEvaluatorSignalsGrain
{
    private static readonly DivergenceSettings Settings = DivergenceSettings.Default;

    private ScopedKey Key => field == default ? field = ScopedKey.Parse(this.GetPrimaryKeyString()) : field;

    protected override string Community => Key.Community;

    public async Task RecordAsync(ReviewDeviation deviation)
    {
        if (State.Recent.Any(d => d.AttemptId == deviation.AttemptId))
        {
            return;
        }

        Append([deviation]);
        var flag = DivergenceRule.Assess(Key.Id, State.Recent, Settings);
        var events = new List<AuditEvent>();
        if (flag is not null && !State.Flagged)
        {
            events.Add(AuditEvent(Actors.System, "integrity.evaluator-divergent", Key.Id, flag));
        }
        else if (flag is null && State.Flagged)
        {
            events.Add(AuditEvent(Actors.System, "integrity.evaluator-calibrated", Key.Id, new { reviews = State.Recent.Count }));
        }

        State.Flagged = flag is not null;
        State.EverFlagged |= State.Flagged;
        await SaveAsync([.. events]);
    }

    public async Task ImportAsync(IReadOnlyList<ReviewDeviation> recent, bool flagged)
    {
        var known = State.Recent.Select(d => d.AttemptId).ToHashSet(StringComparer.Ordinal);
        var fresh = recent.Where(d => !known.Contains(d.AttemptId)).ToList();
        if (fresh.Count == 0 && State.Flagged == flagged)
        {
            return;
        }

        // Imported deviations are older than any recorded here since.
        State.Recent.InsertRange(0, fresh);
        Append([]);
        State.Flagged = flagged;
        State.EverFlagged |= flagged;
        await SaveAsync();
    }

    public Task<DivergenceFlag?> GetFlagAsync() => Task.FromResult(DivergenceRule.Assess(Key.Id, State.Recent, Settings));

    protected override async Task ProjectAsync()
    {
        var table = storage.ReadModel(storage.Names.AssessmentsTable);
        if (DivergenceRule.Assess(Key.Id, State.Recent, Settings) is { } flag)
        {
            await table.UpsertAsync(DivergenceRow.From(Community, flag));
        }
        else if (State.EverFlagged)
        {
            await table.DeleteAsync(Community, DivergenceRow.RowKeyOf(Key.Id));
        }
    }

    private void Append(IEnumerable<ReviewDeviation> deviations)
    {
        State.Recent.AddRange(deviations);
        if (State.Recent.Count > Settings.Window)
        {
            State.Recent.RemoveRange(0, State.Recent.Count - Settings.Window);
        }
    }
}
