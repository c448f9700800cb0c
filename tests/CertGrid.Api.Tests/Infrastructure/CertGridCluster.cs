using CertGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace CertGrid.Api.Tests.Infrastructure;

/// <summary>
/// A cluster of real CertGrid servers (each silo + API) on Azurite, in one private storage slice. It can be
/// stopped and started again on the same storage, as a restart in production would.
/// </summary>
public sealed class CertGridCluster : IAsyncDisposable
{
    public const string OperatorKey = "cgop.test-operator-key-for-certgrid-tests-0123456789";

    private readonly StorageScope _storage = new();
    private readonly List<Dictionary<string, string?>> _nodeSettings = [];
    private readonly List<ServerNode> _nodes = [];

    private CertGridCluster()
    {
    }

    public IReadOnlyList<ServerNode> Nodes => _nodes;

    public Uri PublicBaseUrl { get; private set; } = null!;

    /// <summary>The domain clock every node's grains read, when the cluster was started with one.</summary>
    public TimeProvider? Clock { get; private set; }

    /// <param name="gateways">Extra API-only nodes (<c>Cluster:Role=Gateway</c>) that reach the silos as Orleans clients.</param>
    /// <param name="clock">The clock CertGrid's rules read on every node (a fake one lets a test move time); the system clock when null.</param>
    public static async Task<CertGridCluster> StartAsync(
        int silos = 2, bool withRedis = true, IReadOnlyDictionary<string, string?>? extraSettings = null, int gateways = 0, TimeProvider? clock = null)
    {
        var cluster = new CertGridCluster { Clock = clock };
        var clusterId = "test-" + cluster._storage.NamePrefix;
        var ports = Enumerable.Range(0, silos + gateways).Select(_ => (Http: FreePort.Next(), Silo: FreePort.Next(), Gateway: FreePort.Next())).ToList();
        cluster.PublicBaseUrl = new Uri($"http://127.0.0.1:{ports[0].Http}");
        foreach (var (port, index) in ports.Select((p, i) => (p, i)))
        {
            var settings = new Dictionary<string, string?>(cluster._storage.Settings)
            {
                ["Urls"] = $"http://127.0.0.1:{port.Http}",
                ["PublicUrls:BaseUrl"] = cluster.PublicBaseUrl.ToString(),
                ["Cluster:Role"] = index < silos ? "Silo" : "Gateway",
                ["Cluster:ClusterId"] = clusterId,
                ["Cluster:ServiceId"] = clusterId,
                ["Cluster:SiloPort"] = port.Silo.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cluster:GatewayPort"] = port.Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
                ["Operator:Key"] = OperatorKey,
                ["RateLimits:PermitsPerWindow"] = "100000",
                ["RateLimits:AnonymousPermitsPerWindow"] = "100000",
                ["ConnectionStrings:Redis"] = withRedis ? TestEnvironment.Redis : null,

                // The first requests of a fresh cluster compile the whole write path in every process; on a loaded
                // 2-core machine that can outlast the production 15 s (TIMEOUT). Tests check behaviour, not that budget.
                ["GraphQL:ExecutionTimeout"] = "00:01:30",
            };
            foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            cluster._nodeSettings.Add(settings);
        }

        await cluster.StartNodesAsync();
        return cluster;
    }

    public HttpClient CreateClient(int node = 0) => _nodes[node].CreateClient();

    public GraphQlClient GraphQl(int node = 0) => new(CreateClient(node));

    /// <summary>How many silos the cluster's membership says are active, as node 0 sees it.</summary>
    public async Task<int> ActiveSiloCountAsync()
    {
        var management = _nodes[0].Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        return (await management.GetHosts(onlyActive: true)).Count;
    }

    /// <summary>Stops every server, then starts them again on the same storage and ports.</summary>
    public async Task RestartAsync()
    {
        await StopNodesAsync();
        await StartNodesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodesAsync();
        await _storage.DisposeAsync();
    }

    private async Task StartNodesAsync()
    {
        foreach (var settings in _nodeSettings)
        {
            _nodes.Add(await ServerNode.StartAsync(settings, Clock));
        }
    }

    private async Task StopNodesAsync()
    {
        foreach (var node in Enumerable.Reverse(_nodes))
        {
            await node.DisposeAsync();
        }

        _nodes.Clear();
    }
}
