using System.Collections.Concurrent;
using Azure.Data.Tables;
using CertGrid.Abstractions.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Writes grains' marks in their community's effects table (<see cref="PendingEffectsRow"/>) and makes sure the
/// community's sweeper is armed. Marks of one community made on this silo at the same time go out as one table batch
/// (<see cref="CallBatches{TItem}"/>: the grains wait for the batch that carries theirs), so marking costs a fraction of a request per write under load.
/// The sweeper is asked once per community and silo every <see cref="ArmedFor"/>, which is shorter than the idle time
/// after which a sweeper disarms, so a mark never waits for a sweeper that stopped.
/// </summary>
public sealed class EffectMarkers(StorageClients storage, IGrainFactory grains, ILocalSiloDetails self)
{
    /// <summary>How long this silo trusts that a community's sweeper is armed before asking again.</summary>
    public static readonly TimeSpan ArmedFor = TimeSpan.FromMinutes(30);

    private readonly TableClient _table = storage.Table(storage.Names.EffectsTable);
    private readonly string _silo = self.SiloAddress.ToParsableString();
    private readonly CallBatches<(GrainId Grain, DateTimeOffset At)> _batches =
        new(MarkWriter(storage.Table(storage.Names.EffectsTable), self.SiloAddress.ToParsableString()), TableBatch.MaxOperations, isRefusal: null);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _armedUntil = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastMarked = new();

    /// <summary>Communities in which this silo marked a grain since <paramref name="since"/>: whose sweepers a silo loss concerns.</summary>
    public IReadOnlyList<string> CommunitiesMarkedSince(DateTimeOffset since) =>
        _lastMarked.Where(c => c.Value >= since).Select(c => c.Key).ToList();

    public async Task MarkAsync(string community, GrainId grain)
    {
        var now = TimeProvider.System.GetUtcNow();
        _lastMarked[community] = now;
        await _batches.SendAsync(community, (grain, now));
        if (!_armedUntil.TryGetValue(community, out var until) || until <= now)
        {
            await grains.GetGrain<IEffectSweeperGrain>(community).EnsureArmedAsync();
            _armedUntil[community] = now + ArmedFor;
        }
    }

    /// <summary>Records what fails on the grain's mark, for operators and for the sweep's backoff.</summary>
    public Task ReportFailureAsync(string community, GrainId grain, int pending, PendingEffect failing, DateTimeOffset nextAttemptAt) =>
        _table.UpsertEntityAsync(PendingEffectsRow.Failure(community, grain, pending, failing, TimeProvider.System.GetUtcNow(), nextAttemptAt, _silo), TableUpdateMode.Replace);

    /// <summary>Writes one community's marks in one table batch (a grain marked twice once).</summary>
    private static Func<string, IReadOnlyList<(GrainId Grain, DateTimeOffset At)>, Task> MarkWriter(TableClient table, string silo) =>
        (community, marks) => table.SubmitTransactionAsync(marks.DistinctBy(m => m.Grain)
            .Select(m => new TableTransactionAction(TableTransactionActionType.UpsertMerge, PendingEffectsRow.Mark(community, m.Grain, m.At, silo))));
}
