using CertGrid.Domain.Events;

namespace CertGrid.Domain.Notices;

/// <summary>
/// What a webhook endpoint can subscribe to: the community's events (<see cref="DomainEventTypes"/>) and the renewal
/// notices. An endpoint that names no types receives the renewal notices only, as endpoints did before events existed.
/// </summary>
public static class WebhookEventTypes
{
    public static IReadOnlyList<string> All { get; } = [.. DomainEventTypes.All, .. Enum.GetValues<NoticeKind>().Select(k => k.EventType()).Distinct()];

    /// <summary>Whether an endpoint subscribed to <paramref name="subscribed"/> (null: the renewal notices) receives <paramref name="eventType"/>.</summary>
    public static bool Receives(IReadOnlyCollection<string>? subscribed, string eventType) =>
        subscribed is { Count: > 0 } ? subscribed.Contains(eventType) : !DomainEventTypes.All.Contains(eventType, StringComparer.Ordinal);
}
