using CertGrid.Abstractions.Credentials;
using Microsoft.Extensions.Hosting;

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
    private readonly RedisSignalChannel _channel = new(redis, "certgrid:verification-epoch");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _channel.ListenAsync(_ => epoch.AdvanceFromElsewhere(), epoch.AdvanceFromElsewhere);
        epoch.Announce = () => _channel.Publish("changed",
            ex => logger.LogWarning(ex, "A verification-affecting change could not be announced to the other gateways; their cached results expire on their own"));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        epoch.Announce = null;
        await _channel.StopAsync();
    }
}
