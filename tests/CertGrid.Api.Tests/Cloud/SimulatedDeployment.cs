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
            var replica = await StartReadyAsync(key, app, app.Tier == "gateway" && !started.Any(r => r.App.Tier == "gateway") ? platform.PublicBaseUrl : null);
            _running[key] = replica;
            started.Add(replica);
        }

        return (started, stopped);
    }

    /// <summary>
    /// Starts a replica and waits until it is ready. Its container ports are free ports picked just before it starts, so
    /// another process on this shared machine can take one first; a replica that exits saying an address is in use is
    /// started again on newly picked ports (at most three times), as the platform would restart a container.
    /// </summary>
    private async Task<SimulatedReplica> StartReadyAsync(string key, ContainerAppSpec app, Uri? httpAddress)
    {
        for (var attempt = 1; ; attempt++)
        {
            var replica = SimulatedReplica.Start(app, platform, httpAddress);
            if (await replica.WaitForReadyAsync(TimeSpan.FromMinutes(3)))
            {
                return replica;
            }

            var output = replica.Process.Output;
            var lostPortRace = replica.Process.Process.HasExited && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
            await replica.DisposeAsync();
            Assert.True(lostPortRace && attempt < 3, $"{key} did not become ready:\n{output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _running.Values)
        {
            await replica.DisposeAsync();
        }
    }
}
