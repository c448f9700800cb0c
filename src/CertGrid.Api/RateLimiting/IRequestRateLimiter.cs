namespace CertGrid.Api.RateLimiting;

/// <summary>Counts requests per partition (an API key, or a client address) in fixed windows.</summary>
public interface IRequestRateLimiter
{
    ValueTask<RateLimitDecision> AcquireAsync(string partition, int permitsPerWindow);
}
