namespace CertGrid.Abstractions.Events;

/// <summary>
/// Tells live subscribers that a community's feed grew ("community X has events up to sequence N"). The feed grain
/// announces after every append; the gateway relays it to every replica (Redis pub/sub) and wakes the streams that
/// follow the community. An announcement is a hint, never the data: a stream reads the feed table after it, and polls
/// as well, so a lost announcement only delays an event.
/// </summary>
public interface IEventFeedAnnouncer
{
    void Announce(string community, long head);
}
