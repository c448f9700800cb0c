using System.Collections.Concurrent;

namespace CertGrid.Grains.Persistence;

/// <summary>
/// Group commit on the caller's side, for a silo's calls to a per-community receiver that takes many items at once (a
/// table batch, a grain method taking a list): per community one call is in flight, and the items of every caller that
/// arrives meanwhile go out together in the next call, up to <paramref name="maxItems"/> each. A caller returns once the
/// call carrying its item succeeded, or fails with it. Under load this turns one storage write per item into one per
/// call; alone, an item goes out at once. The items of a call that failed with what <paramref name="isRefusal"/> calls
/// a refusal (for a grain receiver a <see cref="CertGridException"/>, for a table a request it rejected) are sent again
/// one by one, so an item the receiver refuses fails only its own caller; a call that failed otherwise (storage down, a
/// timeout), or any failure when <paramref name="isRefusal"/> is null, fails all its callers at once, whose retries send again.
/// </summary>
public sealed class CallBatches<TItem>(Func<string, IReadOnlyList<TItem>, Task> send, int maxItems, Func<Exception, bool>? isRefusal)
{
    private readonly Func<string, IReadOnlyList<TItem>, Task> _send = send;
    private readonly int _maxItems = maxItems;
    private readonly Func<Exception, bool>? _isRefusal = isRefusal;
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public Task SendAsync(string community, TItem item) => _lanes.GetOrAdd(community, c => new Lane(this, c)).AddAsync(item);

    /// <summary>One community's items waiting for the next call; one call is in flight at a time.</summary>
    private sealed class Lane(CallBatches<TItem> owner, string community)
    {
        private readonly Lock _lock = new();
        private readonly List<(TItem Item, TaskCompletionSource Sent)> _waiting = [];
        private bool _sending;

        public Task AddAsync(TItem item)
        {
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool start;
            lock (_lock)
            {
                _waiting.Add((item, sent));
                start = !_sending;
                _sending = true;
            }

            if (start)
            {
                _ = Task.Run(SendLoopAsync);
            }

            return sent.Task;
        }

        private async Task SendLoopAsync()
        {
            while (true)
            {
                List<(TItem Item, TaskCompletionSource Sent)> batch;
                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _sending = false;
                        return;
                    }

                    batch = _waiting.Take(owner._maxItems).ToList();
                    _waiting.RemoveRange(0, batch.Count);
                }

                try
                {
                    await owner._send(community, batch.Select(b => b.Item).ToList());
                    batch.ForEach(b => b.Sent.SetResult());
                }
                catch (Exception ex) when (batch.Count > 1 && owner._isRefusal?.Invoke(ex) == true)
                {
                    await SendOneByOneAsync(batch);
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Sent.SetException(ex));
                }
            }
        }

        private async Task SendOneByOneAsync(List<(TItem Item, TaskCompletionSource Sent)> batch)
        {
            foreach (var (item, sent) in batch)
            {
                try
                {
                    await owner._send(community, [item]);
                    sent.SetResult();
                }
                catch (Exception ex)
                {
                    sent.SetException(ex);
                }
            }
        }
    }
}
