using System.Globalization;
using CertGrid.Api.Redis;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace CertGrid.Api.Events;

/// <summary>
/// Carries "community X has events up to sequence N" between gateway replicas on a Redis channel: signals announced
/// here are published, and those published by other replicas wake this replica's streams. When the connection fails or
/// comes back every stream is woken (it reads the feed, finding what a lost signal would have announced).
/// </summary>
public sealed class EventFeedSignalRelay(RedisConnection redis, EventFeedSignals signals, ILogger<EventFeedSignalRelay> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("certgrid:event-feed");
    private readonly string _node = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionFailed += OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored += OnConnectionChanged;
        var subscriber = redis.Subscriber;
        await subscriber.SubscribeAsync(Channel, (_, message) =>
        {
            var parts = ((string?)message ?? string.Empty).Split('|', 3);
            if (parts.Length == 3 && parts[0] != _node)
            {
                signals.Wake(parts[2]);
            }
        });
        signals.Relay = (community, head) => subscriber.PublishAsync(Channel, $"{_node}|{head.ToString(CultureInfo.InvariantCulture)}|{community}").ContinueWith(
            t => logger.LogWarning(t.Exception, "New events of {Community} could not be announced to the other gateways; their live streams find them at their next poll", community),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Relay = null;
        redis.Multiplexer.ConnectionFailed -= OnConnectionChanged;
        redis.Multiplexer.ConnectionRestored -= OnConnectionChanged;
        await redis.Subscriber.UnsubscribeAsync(Channel);
    }

    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e) => signals.WakeAll();
}
