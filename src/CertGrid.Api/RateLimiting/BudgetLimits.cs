namespace CertGrid.Api.RateLimiting;

/// <summary>A cost budget's size when full and how many points it regains each second.</summary>
public readonly record struct BudgetLimits(double Capacity, double RestorePerSecond);
