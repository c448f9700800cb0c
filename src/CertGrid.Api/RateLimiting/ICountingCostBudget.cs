namespace CertGrid.Api.RateLimiting;

/// <summary>
/// A cost budget that also counts the request against its request limit in the same step (one Redis round trip), and
/// spends nothing when the request is over that limit. Budgets without it are counted by the
/// <see cref="IRequestRateLimiter"/> first (<see cref="CallerBudgets.CountAndSpendAsync"/>).
/// </summary>
public interface ICountingCostBudget
{
    /// <summary>Counts a request of <paramref name="partition"/> (a key, or an address) and spends its cost from the same partition's budget.</summary>
    ValueTask<CountedSpend> CountAndSpendAsync(string partition, int permitsPerWindow, BudgetLimits limits, long points);
}

/// <summary>The request's count against its limit, and what its budget paid (null when the count refused it).</summary>
public readonly record struct CountedSpend(RateLimitDecision Count, BudgetDecision? Spent);
