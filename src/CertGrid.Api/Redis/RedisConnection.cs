using StackExchange.Redis;

namespace CertGrid.Api.Redis;

/// <summary>
/// The gateway's one Redis multiplexer. It connects in the background and keeps reconnecting, so a Redis
/// outage degrades the features that use it instead of stopping the gateway.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;

    private RedisConnection(ConnectionMultiplexer multiplexer, EntraRedisAuthentication? entra)
    {
        _multiplexer = multiplexer;
        Entra = entra;
    }

    public IDatabase Database => _multiplexer.GetDatabase();

    public ISubscriber Subscriber => _multiplexer.GetSubscriber();

    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>The multiplexer itself, for tracing and the readiness check.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer;

    internal EntraRedisAuthentication? Entra { get; }

    public static async Task<RedisConnection> ConnectAsync(RedisOptions options, ILogger logger)
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
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        var connection = new RedisConnection(multiplexer, entra);
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
