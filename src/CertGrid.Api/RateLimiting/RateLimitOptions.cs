using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Limits per API key, or per client address without a key (section <c>RateLimits</c>): a number of requests in a
/// fixed window, and a budget of cost points that refills continuously (docs/api/limits.md).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:PermitsPerWindow must be between 1 and 1,000,000.")]
    public int PermitsPerWindow { get; set; } = 600;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:AnonymousPermitsPerWindow must be between 1 and 1,000,000.")]
    public int AnonymousPermitsPerWindow { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "RateLimits:Window must be between 1 second and 1 hour.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cost points an API key may spend at once (its budget when full).</summary>
    [Range(10, 100_000_000, ErrorMessage = "RateLimits:KeyBudgetPoints must be between 10 and 100,000,000.")]
    public int KeyBudgetPoints { get; set; } = 20_000;

    /// <summary>Cost points an API key's budget regains each second.</summary>
    [Range(1, 10_000_000, ErrorMessage = "RateLimits:KeyRestorePointsPerSecond must be between 1 and 10,000,000.")]
    public int KeyRestorePointsPerSecond { get; set; } = 200;

    /// <summary>Cost points one client address without a key may spend at once.</summary>
    [Range(10, 100_000_000, ErrorMessage = "RateLimits:AnonymousBudgetPoints must be between 10 and 100,000,000.")]
    public int AnonymousBudgetPoints { get; set; } = 2_000;

    /// <summary>Cost points a client address's budget regains each second.</summary>
    [Range(1, 10_000_000, ErrorMessage = "RateLimits:AnonymousRestorePointsPerSecond must be between 1 and 10,000,000.")]
    public int AnonymousRestorePointsPerSecond { get; set; } = 20;

    /// <summary>What a request with an unknown, revoked or mistyped key costs its client address.</summary>
    [Range(0, 100_000, ErrorMessage = "RateLimits:FailedAuthenticationPoints must be between 0 and 100,000.")]
    public int FailedAuthenticationPoints { get; set; } = 100;
}
