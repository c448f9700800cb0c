using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace CertGrid.Api.Redis;

/// <summary>
/// The gateway's one Redis multiplexer. It connects in the background and keeps reconnecting, so a Redis
/// outage degrades the features that use it instead of stopping the gateway. Every key and channel is
/// prefixed with the cluster's service id, so deployments (or test clusters) that share one Redis never read
/// each other's cached keys, rate-limit counters or verification announcements.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly RedisKey _keyPrefix;

    private RedisConnection(ConnectionMultiplexer multiplexer, string serviceId, EntraRedisAuthentication? entra)
    {
        _multiplexer = multiplexer;
        _keyPrefix = Prefix(serviceId);
        Entra = entra;
    }

    /// <summary>The database, every key under this service's prefix.</summary>
    public IDatabase Database => _multiplexer.GetDatabase().WithKeyPrefix(_keyPrefix);

    public ISubscriber Subscriber => _multiplexer.GetSubscriber();

    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>The multiplexer itself, for tracing and the readiness check.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer;

    internal EntraRedisAuthentication? Entra { get; }

    /// <summary>The prefix of this service's keys and channels.</summary>
    public static string Prefix(string serviceId) => serviceId + ":";

    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, string serviceId, ILogger logger)
    {
        ConfigurationOptions configuration;
        EntraRedisAuthentication? entra = null;
        if (options.UseEntraId)
        {
            configuration = ConfigurationOptions.Parse(options.Endpoint!);
            configuration.Ssl = true;
            entra = await EntraRedisAuthentication.CreateAsync(configuration, options.ManagedIdentityClientId, logger);
        }
        else
        {
            configuration = ConfigurationOptions.Parse(options.ConnectionString ?? options.Endpoint!);
        }

        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 3000;
        configuration.SyncTimeout = 2000;
        configuration.AsyncTimeout = 2000;
        configuration.ClientName = "certgrid-gateway";
        configuration.ChannelPrefix = RedisChannel.Literal(Prefix(serviceId));
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        var connection = new RedisConnection(multiplexer, serviceId, entra);
        entra?.Start(multiplexer);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Entra is not null)
        {
            await Entra.DisposeAsync();
        }

        await _multiplexer.DisposeAsync();
    }
}
