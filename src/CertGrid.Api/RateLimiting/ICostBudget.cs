namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Cost budgets per partition (an API key, or a client address): a bucket of points that refills continuously at
/// its restore rate. A request is paid for in full up front, or not at all.
/// </summary>
public interface ICostBudget
{
    /// <summary>Takes <paramref name="points"/> if the budget holds them; 0 points only reads what is left.</summary>
    ValueTask<BudgetDecision> SpendAsync(string partition, BudgetLimits limits, long points);
}
