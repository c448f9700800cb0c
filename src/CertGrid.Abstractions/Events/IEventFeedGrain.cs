using CertGrid.Domain.Events;

namespace CertGrid.Abstractions.Events;

/// <summary>
/// The single writer of a community's event feed: numbers events in the order they arrive and records each event id
/// once, then hands them to the community's webhooks and live subscribers. Key: the community id.
/// </summary>
public interface IEventFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends the events not yet in the feed (an event appended again changes nothing) and delivers them onwards.
    /// Interleaves, so that appends arriving while a batch is stored share the next batch.
    /// </summary>
    [AlwaysInterleave]
    Task AppendAsync(IReadOnlyList<DomainEvent> events);
}

/// <summary>Reads a community's event feed from its table, in order. Key: the community id.</summary>
public interface IEventFeedReaderGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="first"/> events after the sequence <paramref name="after"/>, optionally of the given types only.</summary>
    [ReadOnly]
    Task<EventFeedPage> ReadAsync(long after, int first, IReadOnlySet<string>? types);

    /// <summary>
    /// Up to <paramref name="first"/> events after <paramref name="after"/> that <paramref name="partnerId"/> may see
    /// (<see cref="PartnerEventRule"/>, with the learners' consents as they are now). The page's cursor is the last event
    /// looked at, seen or not, so a partner moves on past what it may not see; at most a few thousand events are looked at
    /// per page (<see cref="EventFeedPage.HasMore"/> then says to read on).
    /// </summary>
    [ReadOnly]
    Task<EventFeedPage> ReadForPartnerAsync(string partnerId, long after, int first, IReadOnlySet<string> types);
}

/// <summary>
/// A page of the feed. <see cref="Cursor"/> is where to continue: the last event returned, or the cursor that was
/// passed when nothing newer exists yet (so a client polls with the same cursor until there is).
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.event-feed-page")]
public sealed record EventFeedPage(
    [property: Id(0)] IReadOnlyList<FeedEvent> Events,
    [property: Id(1)] string Cursor,
    [property: Id(2)] bool HasMore);
