namespace CertGrid.Api.RateLimiting;

/// <summary>Whether a request may proceed, and if not, when to retry.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, TimeSpan RetryAfter);
