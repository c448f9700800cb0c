using System.Globalization;
using CertGrid.Abstractions.Notices;
using CertGrid.Grains.Storage;

namespace CertGrid.Grains.Notices;

/// <summary>
/// The webhook outbox, in the same partition as the notices: <c>n|{noticeId}</c> is a new notice not yet
/// queued for the endpoints, <c>q|{due ticks}|{noticeId}|{endpointId}</c> a delivery waiting for its time (row
/// keys sort by due time), <c>d|{noticeId}|{endpointId}</c> a delivery that failed every attempt.
/// </summary>
public sealed class OutboxRow : ReadModelRow
{
    public const string NewPrefix = "n|";
    public const string QueuedPrefix = "q|";
    public const string DeadPrefix = "d|";

    public string NoticeId { get; set; } = string.Empty;
    public string EndpointId { get; set; } = string.Empty;
    public string EventType { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>For a new event: the learner and credential it is about, which decide whether partners' endpoints receive it.</summary>
    public string? LearnerId { get; set; }

    public string? CredentialId { get; set; }

    /// <summary>For a new credential event: the body a partner organisation's endpoint receives instead of <see cref="Payload"/>.</summary>
    public string? PartnerPayload { get; set; }

    public static string QueuedKey(DateTimeOffset due, string noticeId, string endpointId) =>
        string.Create(CultureInfo.InvariantCulture, $"{QueuedPrefix}{due.UtcTicks:D19}|{noticeId}|{endpointId}");

    /// <summary>The upper bound (exclusive) of queued rows due at or before <paramref name="now"/>.</summary>
    public static string QueuedUpTo(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{QueuedPrefix}{now.UtcTicks:D19}|\uffff");

    public static string DeadKey(string noticeId, string endpointId) => $"{DeadPrefix}{noticeId}|{endpointId}";

    /// <summary>A delivery to one endpoint; <paramref name="payload"/> replaces the body (a partner's endpoint gets <see cref="PartnerPayload"/>).</summary>
    public OutboxRow Queued(string endpointId, DateTimeOffset due, int attempts, string? lastError, string? payload = null) => new()
    {
        PartitionKey = PartitionKey, RowKey = QueuedKey(due, NoticeId, endpointId), NoticeId = NoticeId, EndpointId = endpointId,
        EventType = EventType, Payload = payload ?? Payload, Attempts = attempts, LastError = lastError, DueAt = due,
    };

    public OutboxRow Dead(DateTimeOffset at) => new()
    {
        PartitionKey = PartitionKey, RowKey = DeadKey(NoticeId, EndpointId), NoticeId = NoticeId, EndpointId = EndpointId,
        EventType = EventType, Payload = Payload, Attempts = Attempts, LastError = LastError, DeadLetteredAt = at,
    };

    public DeadLetter ToDeadLetter() => new(NoticeId, EndpointId, EventType, Attempts, LastError ?? string.Empty, DeadLetteredAt ?? Timestamp ?? DateTimeOffset.MinValue);
}
