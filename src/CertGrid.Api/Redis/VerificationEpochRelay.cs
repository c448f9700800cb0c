using CertGrid.Abstractions.Credentials;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace CertGrid.Api.Redis;

/// <summary>
/// Tells every gateway when a verification outcome may have changed somewhere in the cluster: a local change of
/// the <see cref="VerificationEpoch"/> is published on a Redis channel, and changes published by other nodes
/// advance this node's epoch, so their cached verification results are dropped within a Redis round trip. A
/// subscription only misses announcements while its connection is down, so when the connection fails or comes back
/// the epoch advances too: every result cached before or during the outage is dropped.
/// </summary>
public sealed class VerificationEpochRelay(RedisConnection redis, VerificationEpoch epoch, ILogger<VerificationEpochRelay> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("certgrid:verification-epoch");
    private readonly string _node = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionFailed += OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored += OnConnectionChanged;
        var subscriber = redis.Subscriber;
        await subscriber.SubscribeAsync(Channel, (_, sender) =>
        {
            if (sender != _node)
            {
                epoch.AdvanceFromElsewhere();
            }
        });
        epoch.Announce = () => subscriber.PublishAsync(Channel, _node).ContinueWith(
            t => logger.LogWarning(t.Exception, "A verification-affecting change could not be announced to the other gateways; their cached results expire on their own"),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        epoch.Announce = null;
        redis.Multiplexer.ConnectionFailed -= OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored -= OnConnectionChanged;
        await redis.Subscriber.UnsubscribeAsync(Channel);
    }

    /// <summary>Any connection: with RESP3 the subscription shares the interactive one.</summary>
    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e) => epoch.AdvanceFromElsewhere();
}
