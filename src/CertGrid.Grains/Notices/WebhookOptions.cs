using System.ComponentModel.DataAnnotations;

namespace CertGrid.Grains.Notices;

/// <summary>How notices are delivered to webhook endpoints (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Only https endpoints can be registered (turn off for local receivers in development and tests).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Deliver to loopback and private-network addresses too (local receivers in development and tests). Off by
    /// default: a webhook URL must not reach the deployment's own network or the cloud metadata endpoint.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    [Range(1, 50, ErrorMessage = "Webhooks:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Webhooks:InitialBackoff must be between 1 second and 1 hour.")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Webhooks:MaxBackoff must be between 1 second and 1 day.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Webhooks:Timeout must be between 1 second and 1 minute.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000, ErrorMessage = "Webhooks:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 200;
}
