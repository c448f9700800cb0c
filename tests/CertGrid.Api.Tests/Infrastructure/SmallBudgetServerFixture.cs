namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// A server whose cost budgets are small enough to run out in a test: 100 points per client address (1 regained a
/// second), 1,000 per key, and 20 points for each failed authentication.
/// </summary>
public sealed class SmallBudgetServerFixture : IAsyncLifetime
{
    public CertGridCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await CertGridCluster.StartAsync(silos: 1, extraSettings: new Dictionary<string, string?>
    {
        ["RateLimits:AnonymousBudgetPoints"] = "100",
        ["RateLimits:AnonymousRestorePointsPerSecond"] = "1",
        ["RateLimits:KeyBudgetPoints"] = "1000",
        ["RateLimits:KeyRestorePointsPerSecond"] = "1",
        ["RateLimits:FailedAuthenticationPoints"] = "20",
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
