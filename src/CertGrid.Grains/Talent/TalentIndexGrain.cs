using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Talent;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Talent;

/// <summary>
/// A community's discoverable learners, in its talent table and in memory as a <see cref="TalentIndex"/> (postings per
/// competency sorted by level, so a search reads only candidates). One activation per community serves every search of
/// it, so a profile removed here (a withdrawn consent) is gone for the next search, whichever gateway asks.
/// Answers are remembered until the index changes or a second of domain time passes (validity depends on the time).
/// </summary>
public sealed class TalentIndexGrain(StorageClients storage) : Grain, ITalentIndexGrain
{
    private const int MemoLimit = 512;
    private static readonly TimeSpan MemoLifetime = TimeSpan.FromSeconds(1);

    private readonly ReadModelTable _table = storage.ReadModel(storage.Names.TalentTable);
    private readonly TalentIndex _index = new();
    private readonly Dictionary<(TalentQuery Query, int Take), (DateTimeOffset At, TalentResults Results)> _memo = [];
    private TimeProvider? _clock;

    private string Community => this.GetPrimaryKeyString();

    private DateTimeOffset Now => (_clock ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey)).GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await foreach (var row in _table.ScanAsync<TalentRow>(Community, string.Empty, cancellationToken))
        {
            _index.Put(row.ToProfile());
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task PutAsync(string learnerId, TalentProfile? profile)
    {
        _memo.Clear();
        if (profile is null)
        {
            // Out of the answers first: a withdrawal must hold even if the table write below has to be retried.
            _index.Remove(learnerId);
            await _table.DeleteAsync(Community, learnerId);
            return;
        }

        await _table.UpsertAsync(TalentRow.From(Community, profile));
        _index.Put(profile);
    }

    public Task<TalentResults> SearchAsync(TalentQuery query, int take)
    {
        var now = Now;
        if (_memo.TryGetValue((query, take), out var known) && now >= known.At && now - known.At < MemoLifetime)
        {
            return Task.FromResult(known.Results);
        }

        var (total, top) = _index.Search(Community, query, take, now);
        var results = new TalentResults(total, top);
        if (_memo.Count >= MemoLimit)
        {
            _memo.Clear();
        }

        _memo[(query, take)] = (now, results);
        return Task.FromResult(results);
    }
}
