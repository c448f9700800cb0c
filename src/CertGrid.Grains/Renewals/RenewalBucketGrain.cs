using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Renewals;
using CertGrid.Domain.Renewals;
using CertGrid.Grains.Hosting;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertGrid.Grains.Renewals;

/// <summary>
/// One page of a community's deadlines for one day. Reentrant so that many credentials can register at once:
/// their changes are group-committed (one write carries every change made while the previous write was in
/// flight), and processing runs one batch at a time while registrations continue. A full page sends new
/// deadlines to the next page. It is not a <c>DurableGrain</c>: it has no audit events and deletes its rows when done.
/// <para>
/// A write stores the page's changes since it was last stored whole (<see cref="RenewalBucketChanges"/>, a few dozen
/// bytes per deadline) rather than the page (up to 53 KB); once <see cref="ChangesBeforeRewrite"/> changes have piled
/// up, the next write stores the page whole instead and starts the changes afresh. So registering a deadline writes
/// about 1 KB on average however full the day is.
/// </para>
/// </summary>
[Reentrant]
public sealed class RenewalBucketGrain(
    [PersistentState("renewal-bucket", StorageNames.GrainStore)] IPersistentState<RenewalBucketState> state,
    [PersistentState("renewal-bucket-changes", StorageNames.GrainStore)] IPersistentState<RenewalBucketChanges> changes,
    IOptions<RenewalOptions> options)
    : Grain, IRenewalBucketGrain
{
    /// <summary>
    /// Changes kept before the page is stored whole again. Writing the changes costs about 25 bytes each and the whole
    /// page up to 53 KB, so 64 keeps the mean cost of a registration near 1.6 KB (64 × 25 / 2 + 53 KB / 64).
    /// </summary>
    public const int ChangesBeforeRewrite = 64;

    private DeadlinePage _page = new();
    private GroupCommit? _commit;
    private Task<BucketProgress>? _processing;
    private (string Community, DateOnly Day, int Page) _key;
    private bool _dayNoted;
    private bool _rewriteWhole;

    private TimeProvider Clock => field ??= ServiceProvider.GetRequiredKeyedService<TimeProvider>(DomainClock.ServiceKey);

    private ILogger Logger => field ??= ServiceProvider.GetRequiredService<ILogger<RenewalBucketGrain>>();

    private IRenewalBucketGrain NextPage => Deadlines.Bucket(GrainFactory, _key.Community, _key.Day, _key.Page + 1);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = ScopedKey.Parse(this.GetPrimaryKeyString());
        var (day, page) = DeadlineDay.ParseBucketId(key.Id);
        _key = (key.Community, day, page);
        // Changes stored before the page was last stored whole belong to an older generation and are already in it.
        var since = changes.State.Generation == state.State.Generation ? changes.State.Changes : [];
        _page = DeadlinePage.FromStorage(new DeadlinePageData(state.State.Packed, state.State.Other, state.State.PackedDone, state.State.OtherDone), since);
        _commit = new GroupCommit(WriteAsync);
        return Task.CompletedTask;
    }

    public async Task<BucketAddOutcome> AddAsync(string credentialId)
    {
        if (_key.Day <= DeadlineDay.Today(Clock.GetUtcNow()))
        {
            return BucketAddOutcome.DayPassed;
        }

        if (_page.Contains(credentialId))
        {
            return BucketAddOutcome.AlreadyRegistered;
        }

        if (_page.Count >= options.Value.BucketPageCapacity)
        {
            if (!state.State.HasNextPage)
            {
                state.State.HasNextPage = _rewriteWhole = true;
                await _commit!.CommitAsync();
            }

            return await NextPage.AddAsync(credentialId);
        }

        await NoteDayAsync();
        _page.Add(credentialId);
        await _commit!.CommitAsync();
        return BucketAddOutcome.Added;
    }

    public async Task<int> AddManyAsync(IReadOnlyList<string> credentialIds)
    {
        await NoteDayAsync();
        var room = Math.Max(0, options.Value.BucketPageCapacity - _page.Count);
        var added = credentialIds.Take(room).Count(_page.Add);
        var overflow = credentialIds.Skip(room).ToList();
        state.State.HasNextPage |= overflow.Count > 0;
        // A bulk registration stores the page whole: it is cheaper than its changes.
        _rewriteWhole = true;
        await _commit!.CommitAsync();
        return added + (overflow.Count > 0 ? await NextPage.AddManyAsync(overflow) : 0);
    }

    public async Task RemoveAsync(string credentialId)
    {
        if (_page.Remove(credentialId))
        {
            await _commit!.CommitAsync();
        }

        if (state.State.HasNextPage)
        {
            await NextPage.RemoveAsync(credentialId);
        }
    }

    public async Task<BucketProgress> ProcessAsync(int maxEntries)
    {
        // Concurrent callers share the run in progress rather than starting a second one.
        _processing ??= ProcessBatchesAsync(maxEntries);
        try
        {
            return await _processing;
        }
        finally
        {
            _processing = null;
        }
    }

    public async Task ClearAsync()
    {
        if (changes.RecordExists)
        {
            await changes.ClearStateAsync();
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        _page = new DeadlinePage();
        DeactivateOnIdle();
    }

    public Task<BucketInfo> DescribeAsync() =>
        Task.FromResult(new BucketInfo(_page.Count, _page.Remaining, state.State.HasNextPage, _page.ToStorage().Packed.Length));

    /// <summary>Tells the scheduler this day has deadlines, before the first one is stored (so a failure in between leaves at most an empty day noted).</summary>
    private async Task NoteDayAsync()
    {
        if (!_dayNoted && _key.Page == 0)
        {
            await GrainFactory.GetGrain<IRenewalSchedulerGrain>(_key.Community).NoteDayAsync(_key.Day);
            _dayNoted = true;
        }
    }

    private async Task<BucketProgress> ProcessBatchesAsync(int maxEntries)
    {
        var settings = options.Value;
        var (processed, deferred) = (0, 0);
        while (processed < maxEntries)
        {
            var batch = _page.Claim(Math.Min(settings.BatchSize, maxEntries - processed));
            if (batch.Count == 0)
            {
                break;
            }

            var failed = new List<string>();
            try
            {
                foreach (var chunk in batch.Chunk(settings.Parallelism))
                {
                    var results = await Task.WhenAll(chunk.Select(AdvanceAsync));
                    failed.AddRange(chunk.Where((_, i) => !results[i]));
                }

                // A credential that could not advance now is retried tomorrow; one failure never holds up the day.
                var tomorrow = DeadlineDay.Today(Clock.GetUtcNow()).AddDays(1);
                foreach (var id in failed)
                {
                    await Deadlines.Bucket(GrainFactory, _key.Community, tomorrow).AddAsync(id);
                }
            }
            catch
            {
                _page.AbandonClaim();
                throw;
            }

            _page.CompleteClaim();
            await _commit!.CommitAsync();
            processed += batch.Count;
            deferred += failed.Count;
        }

        return new BucketProgress(processed, _page.Remaining, deferred, state.State.HasNextPage);
    }

    private async Task<bool> AdvanceAsync(string credentialId)
    {
        try
        {
            await GrainFactory.Renewal(_key.Community, credentialId).AdvanceAsync();
            return true;
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Advancing credential {Credential} of {Community} failed; it is retried tomorrow", credentialId, _key.Community);
            return false;
        }
    }

    /// <summary>Stores what changed since the last write: as changes while few have piled up, otherwise the page whole.</summary>
    private async Task WriteAsync()
    {
        var taken = _page.TakeChanges();
        try
        {
            if (_rewriteWhole || changes.State.Changes.Count + taken.Count > ChangesBeforeRewrite)
            {
                _rewriteWhole = false;
                var data = _page.ToStorage();
                state.State.Packed = data.Packed;
                state.State.Other = [.. data.Other];
                state.State.PackedDone = data.PackedDone;
                state.State.OtherDone = data.OtherDone;
                state.State.Generation++;
                await state.WriteStateAsync();
                // The stored changes are now in the page; the next changes replace them (no write needed until then).
                changes.State.Generation = state.State.Generation;
                changes.State.Changes.Clear();
            }
            else if (taken.Count > 0)
            {
                changes.State.Changes.AddRange(taken);
                await changes.WriteStateAsync();
            }
        }
        catch (Exception ex)
        {
            DeactivateOnIdle();
            Logger.LogError(ex, "Storing deadline bucket {Bucket} failed; the activation will reload from storage", this.GetPrimaryKeyString());
            throw new CertGridException(ErrorCode.Unavailable, "Storage did not confirm the deadline change; try again.");
        }
    }
}
