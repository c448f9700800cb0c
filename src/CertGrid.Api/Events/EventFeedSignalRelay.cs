using System.Globalization;
using CertGrid.Api.Redis;
using Microsoft.Extensions.Hosting;

namespace CertGrid.Api.Events;

/// <summary>
/// Carries "community X has events up to sequence N" between gateway replicas on a Redis channel: signals announced
/// here are published, and those published by other replicas wake this replica's streams. When the connection fails or
/// comes back every stream is woken (it reads the feed, finding what a lost signal would have announced).
/// </summary>
public sealed class EventFeedSignalRelay(RedisConnection redis, EventFeedSignals signals, ILogger<EventFeedSignalRelay> logger) : IHostedService
{
    private readonly RedisSignalChannel _channel = new(redis, "certgrid:event-feed");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _channel.ListenAsync(message => signals.Wake(message.Split('|', 2)[^1]), signals.WakeAll);
        signals.Relay = (community, head) => _channel.Publish($"{head.ToString(CultureInfo.InvariantCulture)}|{community}",
            ex => logger.LogWarning(ex, "New events of {Community} could not be announced to the other gateways; their live streams find them at their next poll", community));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signals.Relay = null;
        await _channel.StopAsync();
    }
}
