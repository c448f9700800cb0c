using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// Applies a deployment snapshot to the simulated platform as <c>azd provision</c> would to Container Apps: apps the
/// snapshot declares and that do not run yet are started (silos before gateways, which connect to them), apps it no
/// longer declares are stopped (SIGTERM, grace period), apps that stay are left alone.
/// </summary>
public sealed class SimulatedDeployment(SimulatedPlatform platform) : IAsyncDisposable
{
    private readonly Dictionary<string, SimulatedReplica> _running = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SimulatedReplica> Replicas => _running.Values;

    /// <returns>The replicas started, and the stopped ones with how they stopped.</returns>
    public async Task<(IReadOnlyList<SimulatedReplica> Started, IReadOnlyList<(SimulatedReplica Replica, TimeSpan Took, bool Graceful, int ExitCode)> Stopped)> ApplyAsync(
        IReadOnlyList<ContainerAppSpec> apps)
    {
        var wanted = apps.SelectMany(app => Enumerable.Range(0, app.MinReplicas).Select(i => (Key: $"{app.Name}#{i}", App: app))).ToList();
        var stopped = new List<(SimulatedReplica, TimeSpan, bool, int)>();
        foreach (var key in _running.Keys.Except(wanted.Select(w => w.Key)).ToList())
        {
            var replica = _running[key];
            _running.Remove(key);
            var (took, graceful, exitCode) = await replica.StopAsync();
            stopped.Add((replica, took, graceful, exitCode));
        }

        var gatewayAddress = _running.Values.FirstOrDefault(r => r.App.Tier == "gateway")?.HttpAddress ?? new Uri($"http://127.0.0.1:{FreePort.Next()}");
        platform.PublicBaseUrl ??= gatewayAddress;
        var started = new List<SimulatedReplica>();
        foreach (var (key, app) in wanted.Where(w => !_running.ContainsKey(w.Key)).OrderBy(w => w.App.Tier == "gateway"))
        {
            var replica = SimulatedReplica.Start(app, platform, app.Tier == "gateway" && !started.Any(r => r.App.Tier == "gateway") ? platform.PublicBaseUrl : null);
            _running[key] = replica;
            started.Add(replica);
            Assert.True(await replica.WaitForReadyAsync(TimeSpan.FromMinutes(3)), $"{key} did not become ready:\n{replica.Process.Output}");
        }

        return (started, stopped);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _running.Values)
        {
            await replica.DisposeAsync();
        }
    }
}
