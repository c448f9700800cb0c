using CertGrid.Abstractions.Events;
using CertGrid.Domain.Events;

namespace CertGrid.Grains.Tests.Events;

/// <summary>The event feed in Azure Table storage: one writer per community, every event once, numbered without gaps.</summary>
[Collection(AssessmentClusterGroup.Name)]
public sealed class EventFeedGrainTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_and_repeated_appends_land_once_each_numbered_without_gaps()
    {
        var community = GrainClusterFixture.NewCommunity();
        var events = Enumerable.Range(1, 60).Select(i => Event(i, i % 3 == 0 ? DomainEventTypes.CredentialIssued : DomainEventTypes.LearnerEnrolled)).ToList();
        await Task.WhenAll(events.Chunk(4).Select(chunk => Feed(community).AppendAsync(chunk)));

        // The same events again (an effect applied twice after a crash) change nothing, even mixed with a new one.
        await Feed(community).AppendAsync([.. events.Take(10), Event(61, DomainEventTypes.AttemptSubmitted)]);

        var read = await ReadAllAsync(community, null);
        Assert.Equal(Enumerable.Range(1, 61).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(61, read.Select(e => e.Event.Id).Distinct().Count());
        Assert.Equal(events.Select(e => e.Id).Order(), read.Take(60).Select(e => e.Event.Id).Order());
        Assert.Equal("evt_61", read[^1].Event.Id);

        // A filtered read returns only the type asked for, and continues from the cursor of its last event.
        var issued = await ReadAllAsync(community, new HashSet<string> { DomainEventTypes.CredentialIssued });
        Assert.Equal(20, issued.Count);
        Assert.All(issued, e => Assert.Equal(DomainEventTypes.CredentialIssued, e.Event.Type));

        // Another community's feed is separate.
        Assert.Empty((await Reader(GrainClusterFixture.NewCommunity()).ReadAsync(0, 100, null)).Events);
    }

    [Fact]
    public async Task A_batch_bringing_back_many_appended_events_appends_only_the_new_ones()
    {
        // After a silo loss, resumed grains bring back many events the feed already holds, in one shared batch: more than
        // the ten attempts a batch has, if each failed attempt dropped one of them.
        var community = GrainClusterFixture.NewCommunity();
        var events = Enumerable.Range(1, 40).Select(i => Event(i, DomainEventTypes.LearnerEnrolled)).ToList();
        await Feed(community).AppendAsync(events);

        await Feed(community).AppendAsync([Event(41, DomainEventTypes.LearnerEnrolled), .. events.Skip(5).Take(30), Event(42, DomainEventTypes.LearnerEnrolled)]);

        var read = await ReadAllAsync(community, null);
        Assert.Equal(Enumerable.Range(1, 42).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 42).Select(i => $"evt_{i}"), read.Select(e => e.Event.Id));
    }

    [Fact]
    public async Task Callers_sharing_a_batch_each_land_once_even_when_they_bring_the_same_event_or_more_than_a_batch_holds()
    {
        // 40 callers at once, each with three events of its own and the first event of the next caller: appends that wait
        // for a batch in flight share the next one, which then holds more than one table batch (49 events) can.
        var community = GrainClusterFixture.NewCommunity();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(caller => Feed(community).AppendAsync(
            [Event(caller * 3, DomainEventTypes.LearnerEnrolled), Event(caller * 3 + 1, DomainEventTypes.LearnerEnrolled),
             Event(caller * 3 + 2, DomainEventTypes.LearnerEnrolled), Event(caller * 3 + 3, DomainEventTypes.LearnerEnrolled)])));

        var read = await ReadAllAsync(community, null);
        Assert.Equal(Enumerable.Range(1, 121).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(0, 121).Select(i => $"evt_{i}").Order(StringComparer.Ordinal), read.Select(e => e.Event.Id).Order(StringComparer.Ordinal));
    }

    private async Task<List<FeedEvent>> ReadAllAsync(string community, IReadOnlySet<string>? types)
    {
        var all = new List<FeedEvent>();
        var after = 0L;
        for (var pages = 0; pages < 50; pages++)
        {
            var page = await Reader(community).ReadAsync(after, 7, types);
            all.AddRange(page.Events);
            after = FeedCursor.Parse(page.Cursor, "after");
            if (!page.HasMore)
            {
                break;
            }
        }

        return all;
    }

    private IEventFeedGrain Feed(string community) => fixture.Grains.GetGrain<IEventFeedGrain>(community);

    private IEventFeedReaderGrain Reader(string community) => fixture.Grains.GetGrain<IEventFeedReaderGrain>(community);

    private static DomainEvent Event(int i, string type) =>
        new($"evt_{i}", type, At.AddMinutes(i), new EventSubject(LearnerId: $"lrn_{i:D20}", CredentialId: type == DomainEventTypes.CredentialIssued ? $"vc_{i:D20}" : null));
}
