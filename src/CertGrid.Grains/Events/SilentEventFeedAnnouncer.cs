using CertGrid.Abstractions.Events;

namespace CertGrid.Grains.Events;

/// <summary>The announcer of a silo without a gateway in its process (grain tests): nobody follows the feed live there.</summary>
public sealed class SilentEventFeedAnnouncer : IEventFeedAnnouncer
{
    public void Announce(string community, long head)
    {
    }
}
