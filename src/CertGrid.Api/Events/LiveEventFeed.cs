using System.Runtime.CompilerServices;
using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.Events;

/// <summary>
/// Follows a community's feed for one live stream: replays it from the cursor, then, each time a signal says it grew
/// (or the poll interval passed), reads on from the last event handed out. Reading always continues strictly after that
/// event and the feed is written in whole batches, so there is no gap and no duplicate between the replay and the
/// live part. Ends when the subscriber leaves (the token is cancelled).
/// </summary>
public sealed class LiveEventFeed(EventFeedSignals signals, IOptions<LiveEventsOptions> options)
{
    /// <summary>How many events one read of the feed asks for.</summary>
    public const int PageSize = 100;

    private int _following;

    /// <summary>How many live streams this gateway follows right now.</summary>
    public int Following => Volatile.Read(ref _following);

    /// <summary>The events after <paramref name="after"/>, as <paramref name="read"/> pages them from a sequence on, without end.</summary>
    public async IAsyncEnumerable<FeedEvent> FollowAsync(
        string community, long after, Func<long, Task<EventFeedPage>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _following);
        try
        {
            var position = after;
            while (!cancellationToken.IsCancellationRequested)
            {
                var grown = signals.NextSignal(community);
                var page = await read(position);
                foreach (var feed in page.Events)
                {
                    yield return feed;
                }

                position = FeedCursor.Parse(page.Cursor, "after");
                if (!page.HasMore)
                {
                    await Task.WhenAny(grown, Task.Delay(options.Value.PollInterval, cancellationToken));
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _following);
        }
    }
}
