using System.Globalization;
using CertGrid.Api.Tests.Hosting;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Faults;

/// <summary>
/// Silos as real CertGrid.Server processes (so one can die as a container does: SIGKILL, nothing flushed, no goodbye
/// to the cluster) and one API-only gateway process (<c>Cluster:Role=Gateway</c>, an Orleans client) that clients
/// talk to, on Azurite and redis-server in a private storage slice. A silo can be killed, stopped gracefully and
/// started again on its own ports, as a restarted container would be.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly StorageScope _storage = new();
    private readonly List<Dictionary<string, string>> _siloEnvironments = [];
    private readonly ServerProcess?[] _silos;
    private readonly Dictionary<string, string> _gatewayEnvironment;
    private ServerProcess? _gateway;

    private ProcessCluster(int silos)
    {
        var clusterId = "faults-" + _storage.NamePrefix;
        PublicBaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        for (var i = 0; i < silos; i++)
        {
            var http = FreePort.Next();
            _siloEnvironments.Add(Environment(clusterId, http, new Dictionary<string, string>
            {
                ["Cluster__Role"] = "Silo",
                ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Cluster__AdvertisedIPAddress"] = "127.0.0.1",
            }));
        }

        _silos = new ServerProcess?[silos];
        _gatewayEnvironment = Environment(clusterId, PublicBaseUrl.Port, new Dictionary<string, string> { ["Cluster__Role"] = "Gateway" });
    }

    /// <summary>The gateway's address: where clients send their requests.</summary>
    public Uri PublicBaseUrl { get; }

    public int SiloCount => _silos.Length;

    /// <summary>Starts every silo (the first alone, so it creates the tables, then the others together), then the gateway.</summary>
    public static async Task<ProcessCluster> StartAsync(int silos = 3)
    {
        var cluster = new ProcessCluster(silos);
        try
        {
            await cluster.StartSiloAsync(0);
            await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(cluster.StartSiloAsync));
            cluster._gateway = ServerProcess.Start(cluster._gatewayEnvironment);
            await WaitReadyAsync(cluster._gateway, cluster.PublicBaseUrl, "the gateway");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The silo's process dies at once (SIGKILL): no grain is deactivated, nothing is flushed, nobody is told.</summary>
    public async Task KillSiloAsync(int index)
    {
        var silo = _silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");
        silo.Process.Kill(entireProcessTree: true);
        await silo.Process.WaitForExitAsync();
        await silo.DisposeAsync();
        _silos[index] = null;
    }

    /// <summary>A restart as a platform does one: SIGTERM, the silo hands its grains over and leaves, then it starts again.</summary>
    public async Task RestartSiloAsync(int index)
    {
        var silo = _silos[index] ?? throw new InvalidOperationException($"Silo {index} is not running.");
        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", silo.Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await silo.Process.WaitForExitAsync(grace.Token);
        }

        await silo.DisposeAsync();
        _silos[index] = null;
        await StartSiloAsync(index);
    }

    public async Task StartSiloAsync(int index)
    {
        if (_silos[index] is not null)
        {
            throw new InvalidOperationException($"Silo {index} is already running.");
        }

        var environment = _siloEnvironments[index];
        var silo = ServerProcess.Start(environment);
        _silos[index] = silo;
        await WaitReadyAsync(silo, new Uri(environment["Urls"]), $"silo {index}");
    }

    /// <summary>The output of every process still running (for a failure message).</summary>
    public string Output() => string.Join("\n", _silos.Select((s, i) => (s, i)).Where(p => p.s is not null)
        .Select(p => $"--- silo {p.i}\n{Tail(p.s!.Output)}").Append($"--- gateway\n{Tail(_gateway?.Output ?? "")}"));

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var silo in _silos.Where(s => s is not null))
        {
            await silo!.DisposeAsync();
        }

        await _storage.DisposeAsync();
    }

    private Dictionary<string, string> Environment(string clusterId, int httpPort, Dictionary<string, string> role)
    {
        var environment = new Dictionary<string, string>(role)
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["PublicUrls__BaseUrl"] = PublicBaseUrl.ToString(),
            ["Cluster__ClusterId"] = clusterId,
            ["Cluster__ServiceId"] = clusterId,
            ["Cluster__ShutdownTimeout"] = "00:00:30",
            ["Operator__Key"] = CertGridCluster.OperatorKey,
            ["ConnectionStrings__Redis"] = TestEnvironment.Redis,
            ["RateLimits__PermitsPerWindow"] = "100000",
            ["RateLimits__AnonymousPermitsPerWindow"] = "100000",
            ["RateLimits__KeyBudgetPoints"] = "100000000",
            ["RateLimits__KeyRestorePointsPerSecond"] = "10000000",
            ["RateLimits__AnonymousBudgetPoints"] = "100000000",
            ["RateLimits__AnonymousRestorePointsPerSecond"] = "10000000",

            // A cold process's first writes compile the whole write path (see CertGridCluster); clients still retry.
            ["GraphQL__ExecutionTimeout"] = "00:01:00",
        };
        foreach (var (key, value) in _storage.Settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        return environment;
    }

    private static async Task WaitReadyAsync(ServerProcess process, Uri address, string what)
    {
        if (!await process.WaitForReadyAsync(address, TimeSpan.FromMinutes(3)))
        {
            throw new InvalidOperationException($"{what} did not become ready:\n{Tail(process.Output)}");
        }
    }

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
