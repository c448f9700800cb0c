using System.Net;
using CertGrid.Api.Tests.Hosting;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// One running replica of a container app: the real CertGrid.Server process with the environment the platform gives
/// it, behind its simulated TCP ingress. Stopped as Container Apps stops a replica: SIGTERM, then a kill once the
/// app's termination grace period has passed.
/// </summary>
public sealed class SimulatedReplica : IAsyncDisposable
{
    private readonly List<TcpIngress> _ingress;

    private SimulatedReplica(ContainerAppSpec app, ServerProcess process, Uri httpAddress, List<TcpIngress> ingress)
    {
        App = app;
        Process = process;
        HttpAddress = httpAddress;
        _ingress = ingress;
    }

    public ContainerAppSpec App { get; }

    public ServerProcess Process { get; }

    /// <summary>The container's HTTP port (what probes and, for a gateway, the HTTP ingress reach).</summary>
    public Uri HttpAddress { get; }

    public static SimulatedReplica Start(ContainerAppSpec app, SimulatedPlatform platform, Uri? httpAddress = null)
    {
        httpAddress ??= new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var tcp = app.Ingress.Where(m => m.Transport == "tcp").ToList();
        var localTargets = tcp.ToDictionary(m => m.TargetPort, _ => FreePort.Next());
        var process = ServerProcess.Start(platform.EnvironmentFor(app, httpAddress.Port, localTargets));
        var address = IPAddress.Parse(SimulatedPlatform.EnvironmentAddress);
        return new SimulatedReplica(app, process, httpAddress, [.. tcp.Select(m => new TcpIngress(address, m.ExposedPort, localTargets[m.TargetPort]))]);
    }

    public Task<bool> WaitForReadyAsync(TimeSpan timeout) => Process.WaitForReadyAsync(HttpAddress, timeout, App.ReadinessPath);

    /// <summary>SIGTERM, then SIGKILL after the grace period. Returns how long it took and whether it exited by itself.</summary>
    public async Task<(TimeSpan Took, bool Graceful, int ExitCode)> StopAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", Process.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(App.TerminationGracePeriodSeconds));
        var graceful = true;
        try
        {
            await Process.Process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            graceful = false;
            Process.Process.Kill(entireProcessTree: true);
            await Process.Process.WaitForExitAsync();
        }

        await DisposeIngressAsync();
        return (watch.Elapsed, graceful, Process.Process.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await DisposeIngressAsync();
    }

    private async Task DisposeIngressAsync()
    {
        foreach (var ingress in _ingress)
        {
            await ingress.DisposeAsync();
        }

        _ingress.Clear();
    }
}
