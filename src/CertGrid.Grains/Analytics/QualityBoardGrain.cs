using CertGrid.Abstractions.Analytics;
using CertGrid.Domain.Quality;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Analytics;

public sealed class QualityBoardGrain(
    [PersistentState("quality-board", StorageNames.GrainStore)] IPersistentState<QualityBoardState> state)
    : DurableGrain<QualityBoardState>(state), IQualityBoardGrain
{
    protected override string Community => this.GetPrimaryKeyString();

    public async Task<QualityFlagResolution> ResolveAsync(QualityFlagDecision decision, string actor)
    {
        var resolution = new QualityFlagResolution(decision.FlagKey, decision.Outcome, QualityFlagResolution.ValidNote(decision.Note), actor, Now,
            decision.FromMonth, decision.UntilMonth);
        if (State.Latest.TryGetValue(resolution.FlagKey, out var latest) && latest.SameDecisionAs(resolution))
        {
            return latest;
        }

        State.Latest[resolution.FlagKey] = resolution;
        while (State.Latest.Count > IQualityBoardGrain.MaximumKept)
        {
            State.Latest.Remove(State.Latest.Values.MinBy(r => r.ResolvedAt)!.FlagKey);
        }

        return await SaveAnsweringAsync(resolution, AuditEvent(actor, "quality.flag-resolved", Community, new
        {
            flag = resolution.FlagKey, outcome = resolution.Outcome.ToString(), note = resolution.Note, from = resolution.FromMonth, until = resolution.UntilMonth,
        }));
    }

    public Task<IReadOnlyDictionary<string, QualityFlagResolution>> LatestAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, QualityFlagResolution>>(new Dictionary<string, QualityFlagResolution>(State.Latest, StringComparer.Ordinal));
}
