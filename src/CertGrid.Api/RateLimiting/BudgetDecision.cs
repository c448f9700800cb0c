using System.Globalization;

namespace CertGrid.Api.RateLimiting;

/// <summary>
/// Whether a budget paid for a request, and what is left: reported to clients as <c>extensions.cost</c> in the
/// shape Shopify's GraphQL API uses (<see cref="ToExtension"/>).
/// </summary>
public readonly record struct BudgetDecision(bool Allowed, long Cost, double Available, BudgetLimits Limits)
{
    /// <summary>Whole seconds until the budget holds the cost again (at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling((Cost - Available) / Limits.RestorePerSecond));

    /// <summary>Whether no wait would ever be enough: the cost is more than the whole budget.</summary>
    public bool NeverAffordable => Cost > Limits.Capacity;

    public string RefusalMessage => NeverAffordable
        ? string.Create(CultureInfo.InvariantCulture,
            $"This operation costs {Cost:N0} points, more than your whole budget of {Limits.Capacity:N0}. Ask for fewer items, or split it into several requests.")
        : string.Create(CultureInfo.InvariantCulture,
            $"This operation costs {Cost:N0} points and {Math.Floor(Available):N0} of your {Limits.Capacity:N0} remain; {Limits.RestorePerSecond:N0} come back every second. Retry after {RetryAfterSeconds} s.");

    public Dictionary<string, object?> ToExtension() => new()
    {
        ["requestedQueryCost"] = Cost,
        ["throttleStatus"] = new Dictionary<string, object?>
        {
            ["maximumAvailable"] = Limits.Capacity,
            ["currentlyAvailable"] = Math.Floor(Available),
            ["restoreRate"] = Limits.RestorePerSecond,
        },
    };
}
