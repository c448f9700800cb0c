using System.Collections.Concurrent;
using Azure.Data.Tables;
using CertGrid.Abstractions.Persistence;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Writes grains' marks in their community's effects table (<see cref="PendingEffectsRow"/>) and makes sure the
/// community's sweeper is armed. Marks of one community made on this silo at the same time go out as one table batch
/// (the grains wait for the batch that carries theirs), so marking costs a fraction of a request per write under load.
/// The sweeper is asked once per community and silo every <see cref="ArmedFor"/>, which is shorter than the idle time
/// after which a sweeper disarms, so a mark never waits for a sweeper that stopped.
/// </summary>
public sealed class EffectMarkers(StorageClients storage, IGrainFactory grains, ILocalSiloDetails self)
{
    /// <summary>How long this silo trusts that a community's sweeper is armed before asking again.</summary>
    public static readonly TimeSpan ArmedFor = TimeSpan.FromMinutes(30);

    private readonly TableClient _table = storage.Table(storage.Names.EffectsTable);
    private readonly string _silo = self.SiloAddress.ToParsableString();
    private readonly ConcurrentDictionary<string, MarkBatches> _batches = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _armedUntil = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastMarked = new();

    /// <summary>Communities in which this silo marked a grain since <paramref name="since"/>: whose sweepers a silo loss concerns.</summary>
    public IReadOnlyList<string> CommunitiesMarkedSince(DateTimeOffset since) =>
        _lastMarked.Where(c => c.Value >= since).Select(c => c.Key).ToList();

    public async Task MarkAsync(string community, GrainId grain)
    {
        var now = TimeProvider.System.GetUtcNow();
        _lastMarked[community] = now;
        await _batches.GetOrAdd(community, c => new MarkBatches(_table, c, _silo)).AddAsync(grain, now);
        if (!_armedUntil.TryGetValue(community, out var until) || until <= now)
        {
            await grains.GetGrain<IEffectSweeperGrain>(community).EnsureArmedAsync();
            _armedUntil[community] = now + ArmedFor;
        }
    }

    /// <summary>Records what fails on the grain's mark, for operators and for the sweep's backoff.</summary>
    public Task ReportFailureAsync(string community, GrainId grain, int pending, PendingEffect failing, DateTimeOffset nextAttemptAt) =>
        _table.UpsertEntityAsync(PendingEffectsRow.Failure(community, grain, pending, failing, TimeProvider.System.GetUtcNow(), nextAttemptAt, _silo), TableUpdateMode.Replace);

    /// <summary>One community's marks waiting for the next batch; one batch is in flight at a time.</summary>
    private sealed class MarkBatches(TableClient table, string community, string silo)
    {
        /// <summary>A table batch holds at most 100 operations.</summary>
        private const int MaxBatch = 100;

        private readonly Lock _lock = new();
        private readonly List<(GrainId Grain, DateTimeOffset At, TaskCompletionSource Stored)> _waiting = [];
        private bool _writing;

        public Task AddAsync(GrainId grain, DateTimeOffset at)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool start;
            lock (_lock)
            {
                _waiting.Add((grain, at, stored));
                start = !_writing;
                _writing = true;
            }

            if (start)
            {
                _ = Task.Run(WriteLoopAsync);
            }

            return stored.Task;
        }

        private async Task WriteLoopAsync()
        {
            while (true)
            {
                List<(GrainId Grain, DateTimeOffset At, TaskCompletionSource Stored)> batch;
                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _writing = false;
                        return;
                    }

                    batch = _waiting.Take(MaxBatch).ToList();
                    _waiting.RemoveRange(0, batch.Count);
                }

                try
                {
                    await table.SubmitTransactionAsync(batch.DistinctBy(m => m.Grain)
                        .Select(m => new TableTransactionAction(TableTransactionActionType.UpsertMerge, PendingEffectsRow.Mark(community, m.Grain, m.At, silo))));
                    batch.ForEach(m => m.Stored.SetResult());
                }
                catch (Exception ex)
                {
                    batch.ForEach(m => m.Stored.SetException(ex));
                }
            }
        }
    }
}
