using System.Globalization;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// A key was not looked up because its client address already sent too many keys that failed: answered with HTTP 429,
/// <c>RATE_LIMITED</c> and <c>Retry-After</c>, wherever a key is accepted.
/// </summary>
public sealed class AuthenticationThrottledException(BudgetDecision decision) : Exception(string.Create(CultureInfo.InvariantCulture,
    $"Too many requests from your address presented unknown, revoked or mistyped keys. Check the key, and retry after {decision.RetryAfterSeconds} s."))
{
    public BudgetDecision Decision { get; } = decision;
}
