using System.Globalization;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// Container Apps on 127.0.0.1: gives each container what the platform would, and nothing else. The environment's
/// static IP is 127.0.0.1; values only Azure knows at deployment time are replaced by their local counterparts
/// (Azurite for the storage account, redis-server for Azure Managed Redis, no Key Vault or Application Insights);
/// each container gets ports of its own for what it listens on inside its container (8080, 11111, 30000), since
/// here all containers share one network namespace. Every other variable is passed exactly as the deployment sets it.
/// A deploy-time value it does not know fails the test, so the simulation cannot silently drift from the Bicep.
/// </summary>
public sealed class SimulatedPlatform(StorageScope storage)
{
    public const string EnvironmentAddress = "127.0.0.1";

    /// <summary>Deploy-time values that have no local counterpart besides the settings <see cref="LocalServices"/> adds.</summary>
    private static readonly HashSet<string> ReplacedByLocalServices = new(StringComparer.Ordinal)
    {
        "Storage__TableServiceUri", "Storage__BlobServiceUri", "Storage__ManagedIdentityClientId", "AZURE_CLIENT_ID",
        "Redis__Endpoint", "Redis__ManagedIdentityClientId", "CredentialKeys__KeyVaultUri", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    };

    /// <summary>The public URL of the gateway tier, once a gateway replica runs.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The environment one replica of <paramref name="app"/> gets, with the container-local ports it listens on.</summary>
    public Dictionary<string, string> EnvironmentFor(ContainerAppSpec app, int httpPort, IReadOnlyDictionary<int, int> localTargetPorts)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in app.Environment)
        {
            if (Local(app, name, value, httpPort, localTargetPorts) is { } local)
            {
                environment[name] = local;
            }
        }

        foreach (var (name, value) in LocalServices())
        {
            environment[name] = value;
        }

        return environment;
    }

    private string? Local(ContainerAppSpec app, string name, string value, int httpPort, IReadOnlyDictionary<int, int> localTargetPorts)
    {
        var deployTime = value.StartsWith('[');
        return name switch
        {
            _ when deployTime && ReplacedByLocalServices.Contains(name) => null,
            "Redis__UseEntraId" => null,
            "PublicUrls__BaseUrl" when deployTime => (PublicBaseUrl ?? throw new InvalidOperationException("Start a gateway replica first.")).ToString(),
            "Cluster__AdvertisedIPAddress" when deployTime => EnvironmentAddress,
            "ASPNETCORE_URLS" => Assert.Single(app.Probes.Select(p => p.Port).Distinct()) is var probed && value == $"http://+:{probed}"
                ? $"http://127.0.0.1:{httpPort}"
                : throw new InvalidOperationException($"{app.Name} listens on {value} but its probes call port {probed}."),
            "Cluster__SiloListeningPort" or "Cluster__GatewayListeningPort" =>
                localTargetPorts.TryGetValue(int.Parse(value, CultureInfo.InvariantCulture), out var local)
                    ? local.ToString(CultureInfo.InvariantCulture)
                    : throw new InvalidOperationException($"{app.Name} listens on {name}={value}, a port no ingress mapping targets."),
            _ when deployTime => throw new InvalidOperationException($"The simulation does not know the deploy-time value of {name} in {app.Name}: {value}"),
            _ => value,
        };
    }

    private IEnumerable<KeyValuePair<string, string>> LocalServices() =>
    [
        .. storage.Settings.Select(s => new KeyValuePair<string, string>(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!)),
        new("ConnectionStrings__Redis", TestEnvironment.Redis),
    ];
}
