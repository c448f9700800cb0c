using System.ComponentModel.DataAnnotations;

namespace CertGrid.Api.RateLimiting;

/// <summary>Per-key request limits on <c>/graphql</c> (section <c>RateLimits</c>): a fixed window per API key, or per client address without a key.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:PermitsPerWindow must be between 1 and 1,000,000.")]
    public int PermitsPerWindow { get; set; } = 600;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:AnonymousPermitsPerWindow must be between 1 and 1,000,000.")]
    public int AnonymousPermitsPerWindow { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "RateLimits:Window must be between 1 second and 1 hour.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
