using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.Events;

/// <summary>How live event streams (GraphQL subscriptions over Server-Sent Events) keep up and stay open.</summary>
public sealed class LiveEventsOptions
{
    public const string SectionName = "LiveEvents";

    /// <summary>How often a stream reads the feed when no signal woke it (the fallback for a lost signal).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "LiveEvents:PollInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a quiet stream waits before it sends a comment line, so proxies keep the connection open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "LiveEvents:HeartbeatInterval must be between 100 ms and 5 minutes.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
