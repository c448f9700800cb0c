using System.Collections.Concurrent;
using CertGrid.Abstractions.Events;

namespace CertGrid.Api.Events;

/// <summary>
/// Wakes the live streams of this gateway that follow a community when its feed grows: announced by the feed grain of
/// this process (<see cref="IEventFeedAnnouncer"/>), and relayed from and to the other replicas by
/// <see cref="EventFeedSignalRelay"/> when Redis is configured. A signal carries no events: a woken stream reads them
/// from the feed table, so nothing is lost if a signal is.
/// </summary>
public sealed class EventFeedSignals : IEventFeedAnnouncer
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Set by the relay: tells the other replicas (null without Redis, in a single process).</summary>
    public Action<string, long>? Relay { get; set; }

    public void Announce(string community, long head)
    {
        Wake(community);
        Relay?.Invoke(community, head);
    }

    /// <summary>Completes at the next signal for <paramref name="community"/> after this call (take it before reading the feed).</summary>
    public Task NextSignal(string community) =>
        _waiting.GetOrAdd(community, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>A signal from this or another replica: wakes every stream waiting on the community.</summary>
    public void Wake(string community)
    {
        if (_waiting.TryRemove(community, out var waiting))
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Wakes every stream (signals may have been missed, e.g. while the Redis connection was down).</summary>
    public void WakeAll()
    {
        foreach (var community in _waiting.Keys)
        {
            Wake(community);
        }
    }
}
