namespace CertGrid.Api.RateLimiting;

/// <summary>Whether a request may proceed, and if not, when to retry.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for the <c>Retry-After</c> header (at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>What a refused caller is told.</summary>
    public string RefusalMessage => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"More than {Limit} requests in the current window. Retry after {RetryAfterSeconds} s.");
}
