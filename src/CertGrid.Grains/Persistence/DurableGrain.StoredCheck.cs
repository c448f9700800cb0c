using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CertGrid.Grains.Persistence;

public abstract partial class DurableGrain<TState>
{
    private static readonly TimeSpan[] StoredCheckPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    /// <summary>How often at most an activation compares what it holds with storage before a rejection (see <see cref="RejectedByCurrentStateAsync"/>).</summary>
    private static readonly TimeSpan CurrentStateCheckInterval = TimeSpan.FromSeconds(1);

    private long? _currentStateCheckedAt;

    /// <summary>When (domain clock) this activation last saw its version in storage: read at activation, written, or compared.</summary>
    private DateTimeOffset _confirmedAt;

    /// <summary>
    /// After a grain's first write failed (<c>UNAVAILABLE</c>: storage may have stored it and lost only its answer),
    /// whether storage certainly holds no record of the grain: it is read again (three tries), and true only when it
    /// answers that there is none. False when a record is there, or when storage does not answer (uncertain); the
    /// activation stays discarded either way. For undoing what was reserved for a change only when it never landed.
    /// </summary>
    protected async Task<bool> CertainlyNeverStoredAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await state.ReadStateAsync();
                return !state.RecordExists;
            }
            catch (Exception ex) when (ex is not CertGridException)
            {
                if (attempt >= StoredCheckPauses.Length)
                {
                    Logger.LogError(ex, "Storage could not tell whether the first write of {Grain} in {Community} was stored", this.GetGrainId(), Community);
                    return false;
                }

                await Task.Delay(StoredCheckPauses[attempt]);
            }
        }
    }

    /// <summary>
    /// Whether a rejection this activation answered from memory (not found, invalid for the state, a conflict) stands:
    /// false when storage holds a newer version of the grain than this activation, which is then discarded.
    /// Orleans' grain directory is eventually consistent: while the cluster changes (a silo is killed) two activations
    /// of one grain can live side by side for a while, each answering from its own memory. A write from the older one
    /// fails on its ETag and the activation reloads, but a rejection needs no write: a learner's upload ticket stored by
    /// one activation, committed through the other, would be answered "not found" for good. Checked at most once a
    /// second per activation, so rejected input cannot turn into a storage read per call. Asked only by a live
    /// activation (the call filter in <c>DurableGrain.Receiver.cs</c> leaves a discarded one's rejections alone).
    /// </summary>
    private async Task<bool> RejectedByCurrentStateAsync(CertGridException rejection)
    {
        if (rejection.Code is ErrorCode.Unavailable or ErrorCode.Internal or ErrorCode.RateLimited or ErrorCode.Unauthenticated
            || Environment.TickCount64 - _currentStateCheckedAt < (long)CurrentStateCheckInterval.TotalMilliseconds)
        {
            return true;
        }

        _currentStateCheckedAt = Environment.TickCount64;
        if (await IsOutdatedAsync() != true)
        {
            return true;
        }

        Logger.LogWarning("{Grain} answered a rejection ({Code}) from a version storage no longer holds (another activation wrote since); the activation reloads and the caller retries",
            this.GetGrainId(), rejection.Code);
        return false;
    }

    /// <summary>
    /// For a read whose staleness must stay bounded, say a status list verifiers trust for revocation: when this
    /// activation last saw its version in storage longer than <paramref name="maxAge"/> ago (by the domain clock), it
    /// compares again, and an outdated activation (another one wrote since, see <see cref="RejectedByCurrentStateAsync"/>)
    /// is discarded and the call answered <c>UNAVAILABLE</c>, to be sent again. One storage read per
    /// <paramref name="maxAge"/> per activation at most; when storage does not answer, the read is served as it is.
    /// </summary>
    protected async Task ConfirmCurrentAsync(TimeSpan maxAge)
    {
        if (_discarded)
        {
            throw AnsweredFromOutdatedCopy();
        }

        if (Now - _confirmedAt < maxAge)
        {
            return;
        }

        if (await IsOutdatedAsync() == true)
        {
            Logger.LogWarning("{Grain} held a version storage no longer holds (another activation wrote since); the activation reloads and the caller retries", this.GetGrainId());
            throw AnsweredFromOutdatedCopy();
        }
    }

    /// <summary>
    /// Whether storage holds another version of the grain than this activation (true, and the activation is discarded),
    /// the same (false), or cannot tell (null: storage did not answer, or a write of this activation was in flight or
    /// landed meanwhile, which would make its own ETag look outdated).
    /// </summary>
    private async Task<bool?> IsOutdatedAsync()
    {
        if (!_writing.IsCompleted)
        {
            return null;
        }

        var writing = _writing;
        var checkedAt = Now;
        var names = GrainStateLocation.Of(GetType(), typeof(TState));
        var stored = new GrainState<TState>();
        try
        {
            await ServiceProvider.GetRequiredKeyedService<IGrainStorage>(names.StorageName).ReadStateAsync(names.StateName, this.GetGrainId(), stored);
        }
        catch (Exception ex) when (ex is not CertGridException)
        {
            Logger.LogDebug(ex, "Storage did not say whether {Grain} is current", this.GetGrainId());
            return null;
        }

        if (!ReferenceEquals(writing, _writing))
        {
            return null;
        }

        if (stored.ETag == state.Etag)
        {
            _confirmedAt = checkedAt;
            return false;
        }

        _discarded = true;
        DeactivateOnIdle();
        return true;
    }

    private static CertGridException AnsweredFromOutdatedCopy() => new(ErrorCode.Unavailable,
        "The service answered from an outdated copy of this record while servers were changing; nothing was changed. Send the request again.");
}
