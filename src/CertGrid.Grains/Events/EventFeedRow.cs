using System.Globalization;
using CertGrid.Domain.Events;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Events;

/// <summary>
/// The rows of a community's event feed partition: events in order (<c>e|{sequence:D19}</c>), one idempotency marker
/// per event id (<c>k|{eventId}</c>, holding its sequence) and the head (<c>head</c>, the last sequence), written in one
/// atomic batch by the community's <see cref="EventFeedGrain"/> alone.
/// </summary>
public sealed class EventFeedRow : ReadModelRow
{
    public const string EntryPrefix = "e|";
    public const string MarkerPrefix = "k|";
    public const string HeadKey = "head";

    public long Sequence { get; set; }
    public string? EventId { get; set; }
    public string? Type { get; set; }
    public DateTimeOffset At { get; set; }
    public string? LearnerId { get; set; }
    public string? CredentialId { get; set; }
    public string? CredentialDefinitionId { get; set; }
    public string? AttemptId { get; set; }
    public string? AppealId { get; set; }
    public string? EvaluatorId { get; set; }
    public string? Outcome { get; set; }

    public static string EntryKey(long sequence) => EntryPrefix + sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static EventFeedRow Entry(string community, FeedEvent feed)
    {
        var (evt, subject) = (feed.Event, feed.Event.Subject);
        return new EventFeedRow
        {
            PartitionKey = community, RowKey = EntryKey(feed.Sequence), Sequence = feed.Sequence, EventId = evt.Id, Type = evt.Type, At = evt.At,
            LearnerId = subject.LearnerId, CredentialId = subject.CredentialId, CredentialDefinitionId = subject.CredentialDefinitionId,
            AttemptId = subject.AttemptId, AppealId = subject.AppealId, EvaluatorId = subject.EvaluatorId, Outcome = subject.Outcome,
        };
    }

    public static EventFeedRow Marker(string community, string eventId, long sequence) =>
        new() { PartitionKey = community, RowKey = MarkerPrefix + eventId, Sequence = sequence, EventId = eventId };

    public static EventFeedRow Head(string community, long sequence) =>
        new() { PartitionKey = community, RowKey = HeadKey, Sequence = sequence };

    public FeedEvent ToFeedEvent() => new(Sequence, new DomainEvent(EventId ?? string.Empty, Type ?? string.Empty, At,
        new EventSubject(LearnerId, CredentialId, CredentialDefinitionId, AttemptId, AppealId, EvaluatorId, Outcome)));
}
