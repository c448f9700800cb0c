using CertGrid.Api.Access;
using Microsoft.Extensions.Options;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Whose budget a request draws on and how big it is: an API key's own (or the operator's), or, without a key, the
/// client address's. Failed authentication is paid for by the address, from a budget of its own (the size of the
/// anonymous one), so an address busy with keyless queries can still present a key: a key that is unknown, revoked or
/// mistyped costs it <see cref="RateLimitOptions.FailedAuthenticationPoints"/>, and a key the gateway has not seen
/// yet is only looked up while the address can still pay for a failure.
/// </summary>
public sealed class CallerBudgets(ICostBudget budget, IRequestRateLimiter limiter, IOptions<RateLimitOptions> options)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>The requests a caller may make per window: <see cref="RateLimitOptions.PermitsPerWindow"/>, or the anonymous limit per address.</summary>
    public int PermitsFor(Caller caller) => caller.Kind == CallerKind.Anonymous ? _options.AnonymousPermitsPerWindow : _options.PermitsPerWindow;

    /// <summary>Counts one request against the caller's request limit.</summary>
    public ValueTask<RateLimitDecision> CountAsync(Caller caller, string? address) => limiter.AcquireAsync(caller.RateLimitPartition(address), PermitsFor(caller));

    /// <summary>
    /// Counts one request and pays its cost, in one step where the budget can (one Redis round trip), else the count
    /// first; nothing is paid when the count refuses the request.
    /// </summary>
    public async ValueTask<CountedSpend> CountAndSpendAsync(Caller caller, string? address, long points)
    {
        var partition = caller.RateLimitPartition(address);
        if (budget is ICountingCostBudget counting)
        {
            return await counting.CountAndSpendAsync(partition, PermitsFor(caller), LimitsFor(caller), points);
        }

        var counted = await CountAsync(caller, address);
        return new CountedSpend(counted, counted.Allowed ? await SpendAsync(caller, address, points) : null);
    }

    private BudgetLimits AnonymousLimits => new(_options.AnonymousBudgetPoints, _options.AnonymousRestorePointsPerSecond);

    public BudgetLimits LimitsFor(Caller caller) => caller.Kind == CallerKind.Anonymous
        ? AnonymousLimits
        : new BudgetLimits(_options.KeyBudgetPoints, _options.KeyRestorePointsPerSecond);

    public ValueTask<BudgetDecision> SpendAsync(Caller caller, string? address, long points) =>
        budget.SpendAsync(caller.RateLimitPartition(address), LimitsFor(caller), points);

    /// <summary>Throws <see cref="AuthenticationThrottledException"/> when the address could not pay for one more failed authentication.</summary>
    public async Task RequireKeyLookupAllowedAsync(string? address)
    {
        var points = _options.FailedAuthenticationPoints;
        if (points == 0)
        {
            return;
        }

        var left = await budget.SpendAsync(FailuresPartition(address), AnonymousLimits, 0);
        if (left.Available < points)
        {
            throw new AuthenticationThrottledException(left with { Allowed = false, Cost = points });
        }
    }

    /// <summary>Charges the address for a failed authentication; throws <see cref="AuthenticationThrottledException"/> when it cannot pay.</summary>
    public async Task RecordFailedAuthenticationAsync(string? address)
    {
        if (_options.FailedAuthenticationPoints > 0
            && await budget.SpendAsync(FailuresPartition(address), AnonymousLimits, _options.FailedAuthenticationPoints) is { Allowed: false } refused)
        {
            throw new AuthenticationThrottledException(refused);
        }
    }

    private static string FailuresPartition(string? address) => "failed-authentication:" + Caller.Anonymous.RateLimitPartition(address);
}
