using System.Collections.Concurrent;
using CertGrid.Domain.Errors;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Tests.Persistence;

/// <summary>Calls that carry many items: what arrives while one is in flight goes out together in the next, per community.</summary>
public sealed class CallBatchesTests
{
    private static bool Refused(Exception ex) => ex is CertGridException;

    /// <summary>A receiver that records each call and holds the first one of each community until released.</summary>
    private sealed class HeldReceiver(params string[] refused)
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

        public ConcurrentQueue<(string Community, string[] Items)> Calls { get; } = new();

        public async Task ReceiveAsync(string community, IReadOnlyList<string> items)
        {
            Calls.Enqueue((community, items.ToArray()));
            await _gates.GetOrAdd(community, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            if (items.Intersect(refused).Any())
            {
                throw CertGridException.Invalid("items", $"refused {string.Join(",", items)}");
            }

            if (items.Contains("storage-down"))
            {
                throw new TimeoutException("storage did not answer");
            }
        }

        /// <summary>Sends "a" to c1 and waits until its call is in flight (held): items sent now wait for the next call.</summary>
        public async Task<Task> FirstCallInFlightAsync(CallBatches<string> batches)
        {
            var first = batches.SendAsync("c1", "a");
            await Eventually.HoldsAsync(() => Task.FromResult(Calls.Count), n => n == 1, "the first item is sent at once");
            return first;
        }

        public void Release(string community) => _gates.GetOrAdd(community, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public string[][] CallsOf(string community) => Calls.Where(c => c.Community == community).Select(c => c.Items).ToArray();
    }

    [Fact]
    public async Task Items_arriving_while_a_call_is_in_flight_go_together_in_the_next_call_split_at_the_limit_and_each_caller_returns_with_its_call()
    {
        var receiver = new HeldReceiver();
        var batches = new CallBatches<string>(receiver.ReceiveAsync, maxItems: 3, isRefusal: null);

        var first = await receiver.FirstCallInFlightAsync(batches);
        var waiting = new[] { "b", "c", "d", "e" }.Select(item => batches.SendAsync("c1", item)).ToList();
        var otherCommunity = batches.SendAsync("c2", "x");
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.CallsOf("c2").Length), n => n == 1, "another community's item does not wait for c1's call");
        Assert.False(first.IsCompleted);
        Assert.All(waiting, task => Assert.False(task.IsCompleted));

        receiver.Release("c1");
        receiver.Release("c2");
        await Task.WhenAll([first, otherCommunity, .. waiting]);
        Assert.Equal([["a"], ["b", "c", "d"], ["e"]], receiver.CallsOf("c1"));
        Assert.Equal([["x"]], receiver.CallsOf("c2"));

        // Alone again: an item goes out at once, in a call of its own.
        await batches.SendAsync("c1", "f");
        Assert.Equal(["f"], receiver.CallsOf("c1")[^1]);
    }

    [Fact]
    public async Task A_refused_item_fails_only_its_own_caller_when_failures_are_isolated_and_its_whole_call_otherwise()
    {
        foreach (var isolate in new[] { true, false })
        {
            var receiver = new HeldReceiver("poison");
            var batches = new CallBatches<string>(receiver.ReceiveAsync, maxItems: 10, isRefusal: isolate ? Refused : null);
            var first = await receiver.FirstCallInFlightAsync(batches);
            var b = batches.SendAsync("c1", "b");
            var poison = batches.SendAsync("c1", "poison");
            var d = batches.SendAsync("c1", "d");
            receiver.Release("c1");
            await first;

            await Assert.ThrowsAsync<CertGridException>(() => poison);
            if (isolate)
            {
                await Task.WhenAll(b, d);
                Assert.Equal([["a"], ["b", "poison", "d"], ["b"], ["poison"], ["d"]], receiver.CallsOf("c1"));
            }
            else
            {
                await Assert.ThrowsAsync<CertGridException>(() => b);
                await Assert.ThrowsAsync<CertGridException>(() => d);
                Assert.Equal([["a"], ["b", "poison", "d"]], receiver.CallsOf("c1"));
            }
        }
    }

    [Fact]
    public async Task A_call_that_fails_for_another_reason_than_a_refusal_fails_all_its_callers_at_once_without_sending_them_one_by_one()
    {
        var receiver = new HeldReceiver();
        var batches = new CallBatches<string>(receiver.ReceiveAsync, maxItems: 10, isRefusal: Refused);
        var first = await receiver.FirstCallInFlightAsync(batches);
        var waiting = new[] { "b", "storage-down", "d" }.Select(item => batches.SendAsync("c1", item)).ToList();
        receiver.Release("c1");
        await first;

        foreach (var caller in waiting)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => caller);
        }

        Assert.Equal([["a"], ["b", "storage-down", "d"]], receiver.CallsOf("c1"));
    }
}
